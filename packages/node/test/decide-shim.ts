// TEMPORARY until the core's decide() lands on main: decide() from preflight()/actualHeaders().
import { createCors, isThenable } from '@corsica/core'

const proto = Object.getPrototypeOf(createCors({ origin: '*' })) as any
if (typeof proto.decide !== 'function') {
  proto.decide = function decide(view: any, ...rest: unknown[]) {
    const request: Request = view instanceof Request ? view : view.toRequest()
    const toDecision = (pre: Response | null): any => {
      if (pre) {
        const headers: Record<string, string> = {}
        pre.headers.forEach((v, k) => {
          headers[k] = v
        })
        return { respond: true, status: pre.status, headers, body: null }
      }
      const h = this.actualHeaders(request, ...rest)
      return isThenable(h) ? Promise.resolve(h).then((headers) => ({ respond: false, headers })) : { respond: false, headers: h }
    }
    const pre = this.preflight(request, ...rest)
    return isThenable(pre) ? Promise.resolve(pre).then(toDecision) : toDecision(pre as Response | null)
  }
}

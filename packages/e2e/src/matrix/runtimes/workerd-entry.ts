/** Runs in workerd: the matrix API behind @corsica/cloudflare's withCors, as a module worker. */
import { withCors } from '@corsica/cloudflare'
import { type Handler, matrixApp } from '../app'

let app: Handler | undefined

export default {
  fetch(request: Request, env: { PAGE_PORT: string }, ctx: unknown) {
    app ??= matrixApp(Number(env.PAGE_PORT), withCors)
    return app(request, env, ctx)
  },
}

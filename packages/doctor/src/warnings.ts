/**
 * Things that work today but are risky or fragile: the browser lets the call through, yet a
 * cache, a redirect or a hostile page can turn it against you.
 */
import type { Readable } from './cors-check'
import type { RequestPlan } from './plan'
import type { OriginProbes } from './probes'
import { shellCommand } from './shell'
import type { Exchange } from './transport'

/** Stable warning codes. */
export type WarningCode =
  | 'VaryOriginMissing'
  | 'OriginReflectedWithCredentials'
  | 'NullOriginAllowed'
  | 'Redirect'
  | 'ForbiddenHeaderDropped'
  | 'ExposeHeadersUnparsable'
  | 'ExposeHeadersWildcardWithCredentials'

/** One warning: what is risky, and what to do. */
export interface Warning {
  code: WarningCode
  message: string
  fix: string
}

/** Fetch §3.2.5 (CORS protocol and HTTP caches): an origin-dependent answer must say `Vary: Origin`. */
export function varyWarning(ex: Exchange): Warning | null {
  const acao = ex.headers.get('access-control-allow-origin')
  if (acao === null || acao === '*') return null
  const vary = (ex.headers.get('vary') ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
  if (vary.includes('origin') || vary.includes('*')) return null
  return {
    code: 'VaryOriginMissing',
    message: `The response grants one origin (Access-Control-Allow-Origin: ${acao}) without \`Vary: Origin\`: a shared or browser cache can hand this answer to another origin (blocked there), or a no-CORS copy to this one.`,
    fix: 'Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request.',
  }
}

/** Warnings drawn from the origin probes. */
export function originWarnings(probes: OriginProbes, plan: RequestPlan, final: Exchange | null): Warning[] {
  const out: Warning[] = []
  if (probes.reflectsAny && probes.reflectsAnyWithCredentials) {
    out.push({
      code: 'OriginReflectedWithCredentials',
      message:
        'The server echoes any Origin it is sent, with Access-Control-Allow-Credentials: true: every website a signed-in user visits can call this API as that user and read the answers.',
      fix: 'Check the Origin against a list of your own origins before echoing it (express cors(): origin: true does this wrong; list the origins).',
    })
  }
  const nullGranted =
    probes.allowsNull ||
    (plan.origin === 'null' && final?.headers.get('access-control-allow-origin') === 'null')
  if (nullGranted) {
    out.push({
      code: 'NullOriginAllowed',
      message: `The server grants \`Origin: null\`${probes.nullWithCredentials || plan.credentials ? ' with credentials' : ''}: any sandboxed iframe, file: page or cross-origin redirect on any site sends that origin.`,
      fix: "Do not allow 'null'; serve the page from a real origin and allow that.",
    })
  }
  return out
}

/** A redirect the browser would follow; the doctor reports it instead. */
export function redirectWarning(ex: Exchange, plan: RequestPlan): Warning {
  const location = ex.headers.get('location') ?? ''
  let target = location
  let nextOrigin = plan.origin
  try {
    const next = new URL(location, plan.url)
    target = next.href
    // Fetch, HTTP-redirect fetch: after a redirect to another origin, a cross-origin request's
    // origin becomes opaque ("tainted origin flag"), so the next hop sees `Origin: null`.
    if (next.origin !== plan.url.origin) nextOrigin = 'null'
  } catch {}
  const nullNote =
    nextOrigin === 'null'
      ? ' It leaves the origin, so the browser sends `Origin: null` there, which most allow-lists refuse.'
      : ''
  return {
    code: 'Redirect',
    message: `The server redirects (${ex.status}) to ${target}. The browser follows it${plan.preflight ? ', with a new preflight' : ''}; this verdict covers only the first hop.${nullNote}`,
    fix: `Call ${target} directly, or check it too: ${shellCommand('corsica doctor', { value: target }, '--origin', { value: nextOrigin }, ...(plan.method === 'GET' ? [] : ['--method', { value: plan.method }]))}`,
  }
}

/** Warnings about headers the page sets and response headers it wants to read. */
export function headerWarnings(
  plan: RequestPlan,
  readable: Readable | null,
  credentials: boolean,
): Warning[] {
  const out: Warning[] = plan.dropped.map((d) => ({
    code: 'ForbiddenHeaderDropped' as const,
    message: `${d}.`,
    fix: 'Remove it from the call; the browser manages it.',
  }))
  if (readable?.unparsable) {
    out.push({
      code: 'ExposeHeadersUnparsable',
      message:
        'Access-Control-Expose-Headers is not a comma-separated list of header names, so it exposes nothing.',
      fix: 'Send the names separated by commas, e.g. `Access-Control-Expose-Headers: x-request-id, x-total-count`.',
    })
  }
  if (readable?.wildcardIgnored && credentials) {
    out.push({
      code: 'ExposeHeadersWildcardWithCredentials',
      message:
        'Access-Control-Expose-Headers: * is read as a header named "*" when the request includes credentials, so it exposes nothing.',
      fix: 'List the header names script needs to read.',
    })
  }
  return out
}

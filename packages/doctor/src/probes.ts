/**
 * Extra requests that find out what one exchange cannot show. They are OPTIONS preflights (no
 * side effects), or a repeat of a GET/HEAD, never of an unsafe method.
 * - Why a preflight was refused as a whole: many servers answer a refused preflight with no
 *   Access-Control-* header at all (Corsica does so for a refused origin, and for any refusal
 *   with `preflightRefusals: 'opaque'`), so the browser blames the origin whatever the cause.
 *   Probing with less (just the origin, then the method, then each header) finds the culprit.
 * - Whether any origin, or `null`, is granted: risky with credentials.
 */
import { actualHeaders, preflightHeaders } from './browser-requests'
import { accessFailures } from './cors-check'
import { isSafelistedMethod } from './fetch-spec'
import type { RequestPlan } from './plan'
import type { Exchange, Sender as Transport } from './transport'

/** Why the server refused a preflight, as far as probes tell. */
export type RefusalCause =
  | { kind: 'unknown' }
  /** Even a bare preflight (GET, no headers) from this origin is refused. */
  | { kind: 'origin' }
  /** Nothing on the server answers preflights at this URL. */
  | { kind: 'not-handled' }
  /** The origin is fine; the method and/or these headers are refused. */
  | { kind: 'request'; method: boolean; caseMismatch: boolean; headers: string[]; privateNetwork: boolean }

/** Header names probed one by one, at most. */
const MAX_HEADER_PROBES = 16

/** The origin used to test whether a server grants any origin: `.example` is reserved (RFC 2606). */
export const PROBE_ORIGIN = 'https://corsica-doctor-probe.example'

/** Whether a preflight probe was granted: the CORS check passes with an ok status. */
function granted(ex: Exchange, plan: RequestPlan): boolean {
  return (
    ex.status >= 200 &&
    ex.status <= 299 &&
    accessFailures(ex.headers, plan.origin, plan.credentials).length === 0
  )
}

/** A response that shows no sign of CORS handling: no Access-Control-* header and no Vary on Origin. */
export function looksUnhandled(ex: Exchange): boolean {
  const cors = ex.headers.names().some((n) => n.startsWith('access-control-'))
  const vary = (ex.headers.get('vary') ?? '').toLowerCase()
  return !cors && !vary.includes('origin') && !vary.includes('access-control-request')
}

/** Probes a refused preflight to find its cause. `sent` collects every probe exchange. */
export async function findRefusalCause(
  transport: Transport,
  plan: RequestPlan,
  refused: Exchange,
  sent: Exchange[],
): Promise<RefusalCause> {
  const url = plan.url.href
  const probe = async (method: string, names: readonly string[], privateNetwork = false) => {
    const ex = await transport.send('OPTIONS', url, preflightHeaders(plan, { method, names, privateNetwork }))
    sent.push(ex)
    return ex
  }
  const base = await probe('GET', [])
  if (!granted(base, plan)) {
    return looksUnhandled(base) && looksUnhandled(refused) ? { kind: 'not-handled' } : { kind: 'origin' }
  }
  let method = false
  let caseMismatch = false
  if (!isSafelistedMethod(plan.method)) {
    method = !granted(await probe(plan.method, []), plan)
    const upper = plan.method.toUpperCase()
    if (method && upper !== plan.method) caseMismatch = granted(await probe(upper, []), plan)
  }
  const headers: string[] = []
  for (const name of plan.unsafeNames.slice(0, MAX_HEADER_PROBES)) {
    if (!granted(await probe(method ? 'GET' : plan.method, [name]), plan)) headers.push(name)
  }
  const privateNetwork = plan.privateNetwork && !granted(await probe('GET', [], true), plan)
  if (!method && headers.length === 0 && !privateNetwork) return { kind: 'unknown' }
  return { kind: 'request', method, caseMismatch, headers, privateNetwork }
}

/** What the origin probes found. */
export interface OriginProbes {
  /** An unrelated origin was granted (echoed back). */
  reflectsAny: boolean
  /** ... together with Access-Control-Allow-Credentials: true. */
  reflectsAnyWithCredentials: boolean
  /** `Origin: null` was granted. */
  allowsNull: boolean
  /** ... together with Access-Control-Allow-Credentials: true. */
  nullWithCredentials: boolean
}

/**
 * Asks as an unrelated origin, and as `null`, the same question the page asked: with a preflight
 * when the page's request needs one or is an unsafe POST, or by repeating a GET/HEAD.
 */
export async function probeOrigins(
  transport: Transport,
  plan: RequestPlan,
  sent: Exchange[],
): Promise<OriginProbes> {
  const url = plan.url.href
  const ask = async (origin: string): Promise<[granted: boolean, credentials: boolean]> => {
    let ex: Exchange
    if (plan.preflight || !(plan.method === 'GET' || plan.method === 'HEAD')) {
      ex = await transport.send('OPTIONS', url, preflightHeaders(plan, { origin }))
    } else {
      ex = await transport.send(plan.method, url, actualHeaders(plan, { origin, cookie: false }))
    }
    sent.push(ex)
    const granted = ex.headers.get('access-control-allow-origin') === origin
    return [granted, granted && ex.headers.get('access-control-allow-credentials') === 'true']
  }
  const [reflectsAny, reflectsAnyWithCredentials] = await ask(PROBE_ORIGIN)
  const [allowsNull, nullWithCredentials] = plan.origin === 'null' ? [false, false] : await ask('null')
  return { reflectsAny, reflectsAnyWithCredentials, allowsNull, nullWithCredentials }
}

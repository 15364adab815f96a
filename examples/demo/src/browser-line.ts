/**
 * The line Chromium prints in the console for an exchange the API recorded, worked out from
 * the very headers the browser received (the Fetch standard's CORS check, then the
 * CORS-preflight fetch's method and header checks) and worded by the doctor's `chromeMessage`.
 * The e2e test checks it against what Chromium really printed.
 */
import { type ChromeCorsError, chromeMessage } from '@corsica/doctor'
import type { Exchange } from './journal'

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST'])

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The error kind and its "failed parameter", or null when the browser lets the exchange through. */
function chromeError(exchange: Exchange, credentials: boolean): [ChromeCorsError, string] | null {
  const request = exchange.requestHeaders
  const response = exchange.responseHeaders
  const preflight = exchange.kind === 'preflight'
  // Fetch, CORS check: Access-Control-Allow-Origin must be `*` (without credentials) or the origin;
  // with credentials, Access-Control-Allow-Credentials must be `true`.
  const acao = response['access-control-allow-origin']
  let access: [ChromeCorsError, string] | null = null
  if (acao === undefined) access = ['MissingAllowOriginHeader', '']
  else if (acao === '*' && credentials) access = ['WildcardOriginNotAllowed', '']
  else if (acao !== '*' && acao !== request['origin']) access = ['AllowOriginMismatch', acao]
  else if (credentials && response['access-control-allow-credentials'] !== 'true')
    access = ['InvalidAllowCredentials', response['access-control-allow-credentials'] ?? '']
  if (access) return preflight ? [`Preflight${access[0]}` as ChromeCorsError, access[1]] : access
  if (!preflight) return null
  // CORS-preflight fetch: an ok status, then the method, then each requested header.
  if (exchange.status < 200 || exchange.status > 299) return ['PreflightInvalidStatus', '']
  const method = request['access-control-request-method'] ?? ''
  const methods = list(response['access-control-allow-methods'])
  const anyMethod = methods.includes('*') && !credentials
  if (!SAFELISTED_METHODS.has(method) && !anyMethod && !methods.includes(method)) {
    return ['MethodDisallowedByPreflightResponse', method]
  }
  const allowed = new Set(list(response['access-control-allow-headers']).map((h) => h.toLowerCase()))
  for (const name of list(request['access-control-request-headers'])) {
    // `*` covers every name but Authorization, and only without credentials.
    const star = allowed.has('*') && !credentials && name !== 'authorization'
    if (!star && !allowed.has(name)) return ['HeaderDisallowedByPreflightResponse', name]
  }
  return null
}

/**
 * The line Chromium prints when it blocks at this exchange, or null when it lets it through.
 * The demo's only credentialed call is a simple GET, so a preflight is taken to be without
 * credentials; an actual request has them when a cookie came.
 */
export function chromiumLine(exchange: Exchange): string | null {
  const credentials = exchange.requestHeaders['cookie'] !== undefined
  const error = chromeError(exchange, credentials)
  if (error === null) return null
  const [kind, hint] = error
  return chromeMessage(kind, { url: exchange.url, origin: exchange.requestHeaders['origin'] ?? '', hint })
}

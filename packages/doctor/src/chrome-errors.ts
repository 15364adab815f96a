/**
 * The errors Chromium's network service reports for CORS (DevTools `Network.CorsError` names),
 * the console line it prints for each, and the reason name MDN and Firefox use for it.
 * Wording from Chromium's `cors_error_string.cc`, so the doctor's message is the one the
 * developer saw in the console.
 */

/** Chromium's CORS error kinds the doctor can detect (DevTools protocol `Network.CorsError`). */
export type ChromeCorsError =
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightMissingAllowPrivateNetwork'
  | 'PreflightInvalidAllowPrivateNetwork'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials'
  | 'CorsDisabledScheme'

/**
 * The reason names of MDN's "CORS errors" pages (https://developer.mozilla.org/docs/Web/HTTP/CORS/Errors).
 * The two private-network names, `CORSRedirectContainsCredentials` and `CORSRedirectInvalidLocation`
 * are ours, in the same style: MDN has no page for them.
 */
export type ReasonCode =
  | 'CORSMissingAllowOrigin'
  | 'CORSAllowOriginNotMatchingOrigin'
  | 'CORSMultipleAllowOriginNotAllowed'
  | 'CORSNotSupportingCredentials'
  | 'CORSMissingAllowCredentials'
  | 'CORSPreflightDidNotSucceed'
  | 'CORSMethodNotFound'
  | 'CORSMissingAllowHeaderFromPreflight'
  | 'CORSInvalidAllowMethod'
  | 'CORSInvalidAllowHeader'
  | 'CORSMissingAllowPrivateNetwork'
  | 'CORSInvalidAllowPrivateNetwork'
  | 'CORSRedirectContainsCredentials'
  | 'CORSRequestNotHttp'
  | 'CORSRedirectInvalidLocation'

const REASONS: Record<ChromeCorsError, ReasonCode> = {
  WildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  PreflightWildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  MissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  PreflightMissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  MultipleAllowOriginValues: 'CORSMultipleAllowOriginNotAllowed',
  PreflightMultipleAllowOriginValues: 'CORSMultipleAllowOriginNotAllowed',
  InvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  PreflightInvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  AllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  PreflightAllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  InvalidAllowCredentials: 'CORSMissingAllowCredentials',
  PreflightInvalidAllowCredentials: 'CORSMissingAllowCredentials',
  PreflightInvalidStatus: 'CORSPreflightDidNotSucceed',
  PreflightDisallowedRedirect: 'CORSPreflightDidNotSucceed',
  PreflightMissingAllowPrivateNetwork: 'CORSMissingAllowPrivateNetwork',
  PreflightInvalidAllowPrivateNetwork: 'CORSInvalidAllowPrivateNetwork',
  InvalidAllowMethodsPreflightResponse: 'CORSInvalidAllowMethod',
  InvalidAllowHeadersPreflightResponse: 'CORSInvalidAllowHeader',
  MethodDisallowedByPreflightResponse: 'CORSMethodNotFound',
  HeaderDisallowedByPreflightResponse: 'CORSMissingAllowHeaderFromPreflight',
  RedirectContainsCredentials: 'CORSRedirectContainsCredentials',
  CorsDisabledScheme: 'CORSRequestNotHttp',
}

/** Every Chromium CORS error kind the doctor knows. */
export const CHROME_ERRORS = Object.keys(REASONS) as ChromeCorsError[]

/** The MDN reason name for a Chromium CORS error. */
export function reasonFor(error: ChromeCorsError): ReasonCode {
  return REASONS[error]
}

/** The access-check errors, and their preflight twins (Chromium reports the twin for a preflight response). */
export type AccessError =
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'

/** `MissingAllowOriginHeader` → `PreflightMissingAllowOriginHeader`. */
export function preflightTwin(error: AccessError): ChromeCorsError {
  return `Preflight${error}` as ChromeCorsError
}

const PREFLIGHT_PREFIXED = new Set<ChromeCorsError>([
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightMissingAllowPrivateNetwork',
  'PreflightInvalidAllowPrivateNetwork',
])

// Chromium 156 wording (older releases went on about 'no-cors' mode).
export const NO_CORS_INFORMATION = ' Have the server send the header with a valid value.'

/** What a console message needs besides the error kind. */
export interface MessageContext {
  /** The URL that answered (after a redirect, the last one). */
  url: string
  /** The first URL, when a redirect led to `url`. */
  initialUrl?: string
  /** The page's origin, as serialized (`null` for opaque origins). */
  origin: string
  /** Chromium's "failed parameter": the offending value. */
  hint?: string
  /** For private-network errors: `local` (loopback) or `private`. */
  addressSpace?: 'local' | 'private'
}

/** The line Chromium prints in the console for a `fetch()` blocked with `error`. */
export function chromeMessage(error: ChromeCorsError, ctx: MessageContext): string {
  const hint = ctx.hint ?? ''
  let head = `Access to fetch at '${ctx.url}' `
  if (ctx.initialUrl !== undefined && ctx.initialUrl !== ctx.url)
    head += `(redirected from '${ctx.initialUrl}') `
  head += `from origin '${ctx.origin}' has been blocked by CORS policy: `
  if (PREFLIGHT_PREFIXED.has(error))
    head += "Response to preflight request doesn't pass access control check: "
  return head + body(error, hint, ctx.addressSpace ?? 'private')
}

function body(error: ChromeCorsError, hint: string, space: string): string {
  switch (error) {
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return "No 'Access-Control-Allow-Origin' header is present on the requested resource."
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `The 'Access-Control-Allow-Origin' header contains multiple values '${hint}', but only one is allowed.${NO_CORS_INFORMATION}`
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `The 'Access-Control-Allow-Origin' header contains the invalid value '${hint}'.${NO_CORS_INFORMATION}`
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `The 'Access-Control-Allow-Origin' header has a value '${hint}' that is not equal to the supplied origin.${NO_CORS_INFORMATION}`
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `The value of the 'Access-Control-Allow-Credentials' header in the response is '${hint}' which must be 'true' when the request's credentials mode is 'include'.`
    case 'PreflightInvalidStatus':
      return 'It does not have HTTP ok status.'
    case 'PreflightDisallowedRedirect':
      return 'Redirect is not allowed for a preflight request.'
    case 'PreflightMissingAllowPrivateNetwork':
      return `No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the \`${space}\` address space.`
    case 'PreflightInvalidAllowPrivateNetwork':
      // Chromium's wording, double space included.
      return `The 'Access-Control-Allow-Private-Network' header in the preflight response for this private network request targeting the \`${space}\` address space had a value of '${hint}',  not 'true'.`
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.'
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.'
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${hint} is not allowed by Access-Control-Allow-Methods in preflight response.`
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${hint} is not allowed by Access-Control-Allow-Headers in preflight response.`
    case 'RedirectContainsCredentials':
      return `Redirect location '${hint}' contains a username and password, which is disallowed for cross-origin requests.`
    case 'CorsDisabledScheme':
      // Chromium 156 (Debian's build) lists the schemes it serves to CORS requests.
      return 'Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app.'
  }
}

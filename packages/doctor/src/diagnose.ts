/**
 * The diagnosis: plan the browser's request, send the preflight if it needs one and check it,
 * send the actual request if the browser would and check it, then word each problem as the
 * browser reports it, with a fix, in the order the browser meets them.
 */
import { actualHeaders, preflightHeaders } from './browser-requests'
import { type ChromeCorsError, chromeMessage, type ReasonCode, reasonFor } from './chrome-errors'
import {
  accessFailures,
  accessHint,
  type Failure,
  isRedirect,
  preflightFailures,
  type Readable,
  readableHeaders,
  redirectFailure,
} from './cors-check'
import { type Engine, engineVerdicts, maxAgeNote } from './engines'
import { csrfNote, fixFor, isCsrfRefusal } from './fixes'
import { detectFlavor } from './flavor'
import { type DoctorInput, planRequest, type RequestPlan, type ServerFlavor } from './plan'
import { findRefusalCause, type OriginProbes, probeOrigins, type RefusalCause } from './probes'
import { shellCommand } from './shell'
import { Deadline, type Exchange, HandlerTransport, type Sender, Transport } from './transport'
import { headerWarnings, originWarnings, redirectWarning, varyWarning, type Warning } from './warnings'

/** One reason the browser blocks the call. */
export interface Problem {
  /** MDN's reason name, e.g. `CORSMissingAllowOrigin`. */
  code: ReasonCode
  /**
   * The console message: Chromium's wording; for a rule no engine enforces yet, the warning
   * Firefox prints; for a redirect Chromium fails as a network error, its network error line.
   */
  message: string
  /** What to change: the header and value, and the library option when the server looks known. */
  fix: string
  /** Which response failed. */
  step: 'preflight' | 'actual'
  /** Chromium's error kind (DevTools `Network.CorsError`), or null when Chromium reports none. */
  chromeError: ChromeCorsError | null
  /**
   * Checks that fail only because of this problem's cause (a refused preflight has no
   * Access-Control-Allow-Credentials and a 403 too): not separate problems, but another
   * engine may name one of them instead.
   */
  secondary: ReasonCode[]
  /** Where today's engines depart from the standard's verdict on this problem (see engines.ts). */
  engines?: { departure: string; verdicts: Record<Engine, 'allowed' | 'blocked'> }
}

/** The full account of one diagnosis. */
export interface Diagnosis {
  /** Whether a browser lets the page read the response. */
  allowed: boolean
  /** Whether the browser sends a preflight first. */
  preflight: boolean
  /** Every problem found, the one the browser reports first at the top. */
  problems: Problem[]
  warnings: Warning[]
  /** Lines for the reader that are neither problems nor risks (what this run did not cover). */
  notes: string[]
  /** Response headers script can read (lower case); empty when blocked. */
  exposedHeaders: string[]
  plan: RequestPlan
  /** The library the server seems to use. */
  server: ServerFlavor
  preflightExchange: Exchange | null
  actualExchange: Exchange | null
  /** Why the actual request was not sent, when it was not. */
  actualSkipped: string | null
  readable: Readable | null
  /** What probes found about a refused preflight. */
  cause: RefusalCause | null
  /** Every extra request sent to find causes and risks. */
  probes: Exchange[]
}

/** The default limit of a whole diagnosis (or the per-request limit, when that is longer). */
export const DEFAULT_DEADLINE_MS = 60_000

/**
 * Diagnoses the call `input` describes: over the network, or, with `input.handler`, against a
 * fetch handler in-process (no socket, same verdicts). Throws UsageError or NetworkError.
 * @example
 * const d = await diagnose({ url: 'http://api.test/notes', origin: 'https://app.example.com', handler: app.fetch })
 */
export async function diagnose(input: DoctorInput): Promise<Diagnosis> {
  const plan = planRequest(input)
  const timeoutMs = input.timeoutMs ?? 10_000
  const deadline = new Deadline(input.deadlineMs ?? Math.max(DEFAULT_DEADLINE_MS, timeoutMs))
  const transport: Sender = input.handler
    ? new HandlerTransport(input.handler, timeoutMs, deadline)
    : new Transport(timeoutMs, deadline)
  try {
    return await run(plan, input, transport)
  } finally {
    await transport.close()
  }
}

interface Found {
  failure: Failure
  step: 'preflight' | 'actual'
  exchange: Exchange
  /** Failures that follow from this one only. */
  secondary: Failure[]
}

/**
 * A preflight refused as a whole: no Access-Control-Allow-Origin and no method or header list.
 * Everything else that fails on it (no Allow-Credentials, a 403, no Allow-Private-Network)
 * follows from the one refusal: one problem, one cause.
 */
function refusedWhole(failures: readonly Failure[], ex: Exchange): boolean {
  return (
    failures[0]?.chrome === 'PreflightMissingAllowOriginHeader' &&
    ex.headers.get('access-control-allow-methods') === null &&
    ex.headers.get('access-control-allow-headers') === null
  )
}

async function run(plan: RequestPlan, input: DoctorInput, transport: Sender): Promise<Diagnosis> {
  const probing = input.probe !== false
  const probes: Exchange[] = []
  const found: Found[] = []
  const warnings: Warning[] = []
  const notes: string[] = []
  let cause: RefusalCause | null = null
  let preflightExchange: Exchange | null = null
  let actualExchange: Exchange | null = null
  let actualSkipped: string | null = null
  let readable: Readable | null = null

  if (plan.preflight) {
    preflightExchange = await transport.send('OPTIONS', plan.url.href, preflightHeaders(plan))
    const ex = preflightExchange
    const failures = preflightFailures(ex.status, ex.headers, {
      origin: plan.origin,
      method: plan.method,
      credentials: plan.credentials,
      unsafeNames: plan.unsafeNames,
      headerNames: plan.headers.map(([n]) => n.toLowerCase()),
      privateNetwork: plan.privateNetwork,
    })
    if (refusedWhole(failures, ex)) {
      found.push({ failure: failures[0]!, step: 'preflight', exchange: ex, secondary: failures.slice(1) })
    } else {
      for (const failure of failures) found.push({ failure, step: 'preflight', exchange: ex, secondary: [] })
    }
    if (probing && failures[0]?.chrome === 'PreflightMissingAllowOriginHeader') {
      cause = await findRefusalCause(transport, plan, ex, probes)
    }
    if (failures.length > 0) {
      actualSkipped = `the browser stops at the failed preflight and never sends the ${plan.method} request`
    } else {
      // A granted preflight is cached for its max age, capped by each engine.
      const maxAge = maxAgeNote(ex.headers.get('access-control-max-age'))
      if (maxAge) notes.push(maxAge)
    }
  }

  if (actualSkipped === null) {
    actualExchange = await transport.send(plan.method, plan.url.href, actualHeaders(plan), plan.body)
    const ex = actualExchange
    const redirect = isRedirect(ex.status, ex.headers)
    // Fetch, HTTP fetch: the CORS check runs on every response of a CORS request, a redirect
    // included, before the redirect is followed. A response that does not grant the origin at
    // all lacks Access-Control-Allow-Credentials for the same reason: one problem.
    const access = accessFailures(ex.headers, plan.origin, plan.credentials).map(
      (e): Failure => ({ chrome: e, hint: accessHint(e, ex.headers) }),
    )
    if (access[0]?.chrome === 'MissingAllowOriginHeader') {
      found.push({ failure: access[0], step: 'actual', exchange: ex, secondary: access.slice(1) })
    } else {
      for (const failure of access) found.push({ failure, step: 'actual', exchange: ex, secondary: [] })
    }
    if (redirect) {
      const location = ex.headers.get('location') ?? ''
      const unfollowable = redirectFailure(location, plan.url)
      if (found.length === 0 && unfollowable !== null) {
        found.push({ failure: unfollowable, step: 'actual', exchange: ex, secondary: [] })
      } else if (found.length === 0 && hasUserInfo(location, plan.url)) {
        found.push({
          failure: { chrome: 'RedirectContainsCredentials', hint: location },
          step: 'actual',
          exchange: ex,
          secondary: [],
        })
      }
      if (unfollowable === null) warnings.push(redirectWarning(ex, plan))
    } else if (found.length === 0) {
      readable = readableHeaders(ex.headers, plan.credentials)
      if (isCsrfRefusal(ex.status, ex.headers, plan.method)) notes.push(csrfNote(plan))
    }
  }

  // Risks are worth checking only on an answer that grants this very origin.
  const granting = actualExchange ?? preflightExchange
  if (found.length === 0 && granting !== null) {
    const vary = actualExchange ? varyWarning(actualExchange) : null
    if (vary) warnings.push(vary)
    const echoes = granting.headers.get('access-control-allow-origin') === plan.origin
    let origins: OriginProbes = {
      reflectsAny: false,
      reflectsAnyWithCredentials: false,
      allowsNull: false,
      nullWithCredentials: false,
    }
    if (probing && echoes) origins = await probeOrigins(transport, plan, probes)
    warnings.push(...originWarnings(origins, plan, granting))
  }
  warnings.push(...headerWarnings(plan, readable, plan.credentials))

  const chosen = input.server && input.server !== 'auto' ? input.server : null
  const seen = () => [preflightExchange, actualExchange, ...probes].filter((e): e is Exchange => e !== null)
  let server = chosen ?? detectFlavor(seen().map((e) => e.headers))
  if (chosen === null && server === 'unknown' && probing && found.length > 0 && !plan.preflight) {
    // A simple request shows little of the server; its answer to a preflight tells the library
    // (Corsica's Vary, the default Access-Control-Allow-Methods of hono/cors and cors()).
    probes.push(await transport.send('OPTIONS', plan.url.href, preflightHeaders(plan, { names: [] })))
    server = detectFlavor(seen().map((e) => e.headers))
  }

  const problems = found.map((f) => toProblem(f, plan, server, cause, probing))
  if (problems.length === 0 && isPlainCall(input, plan)) notes.push(plainCallNote(plan))
  return {
    allowed: problems.length === 0,
    preflight: plan.preflight,
    problems,
    warnings,
    notes,
    exposedHeaders: readable?.exposed ?? [],
    plan,
    server,
    preflightExchange,
    actualExchange,
    actualSkipped,
    readable,
    cause,
    probes,
  }
}

/** The default call: a GET with no headers and no credentials (what `--origin` alone asks). */
function isPlainCall(input: DoctorInput, plan: RequestPlan): boolean {
  return plan.method === 'GET' && (input.headers ?? []).length === 0 && !plan.credentials && !plan.preflight
}

/** A plain GET that passes says little about the page's own call: say how to ask about that one. */
function plainCallNote(plan: RequestPlan): string {
  return `This checked a plain GET, which needs no preflight; if the page's own call uses another method, headers such as Content-Type: application/json or Authorization, or cookies, it needs one: repeat with them, e.g. ${shellCommand('corsica doctor', { value: plan.url.href }, '--origin', { value: plan.origin }, '--method PUT -H', { value: 'Content-Type: application/json' }, '--credentials')}`
}

function toProblem(
  { failure, step, exchange, secondary }: Found,
  plan: RequestPlan,
  server: ServerFlavor,
  cause: RefusalCause | null,
  probed: boolean,
): Problem {
  const fix = fixFor(failure, {
    plan,
    flavor: server,
    headers: exchange.headers,
    status: exchange.status,
    cause,
    probed,
  })
  const also = [...new Set(secondary.map(reasonOf))]
  if (failure.rule === 'authorization-wildcard') {
    // No engine enforces this yet; Firefox 153 prints this warning (security.properties
    // CORSAllowHeaderFromPreflightDeprecation).
    return {
      code: 'CORSMissingAllowHeaderFromPreflight',
      message: `Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at ${plan.url.href} soon. (Reason: When the \`Access-Control-Allow-Headers\` is \`*\`, the \`Authorization\` header is not covered. To include the \`Authorization\` header, it must be explicitly listed in CORS header \`Access-Control-Allow-Headers\`).`,
      fix,
      step,
      chromeError: null,
      secondary: also,
      engines: {
        departure: 'acah-wildcard-authorization',
        verdicts: engineVerdicts('acah-wildcard-authorization'),
      },
    }
  }
  if (
    failure.rule === 'redirect-invalid' ||
    (failure.rule === 'redirect-not-http' && failure.chrome === null)
  ) {
    // What Chromium 156 prints for these (a network error, no CORS error).
    const net = failure.rule === 'redirect-invalid' ? 'ERR_INVALID_REDIRECT' : 'ERR_UNSAFE_REDIRECT'
    return {
      code: failure.rule === 'redirect-invalid' ? 'CORSRedirectInvalidLocation' : 'CORSRequestNotHttp',
      message: `Failed to load resource: net::${net}`,
      fix,
      step,
      chromeError: null,
      secondary: also,
    }
  }
  const chrome = failure.chrome!
  const redirected = chrome === 'CorsDisabledScheme'
  return {
    code: reasonFor(chrome),
    message: chromeMessage(chrome, {
      url: redirected ? failure.hint : plan.url.href,
      ...(redirected ? { initialUrl: plan.url.href } : {}),
      origin: plan.origin,
      hint: failure.hint,
      addressSpace: plan.addressSpace,
    }),
    fix,
    step,
    chromeError: chrome,
    secondary: also,
  }
}

function reasonOf(f: Failure): ReasonCode {
  return f.chrome === null ? 'CORSMissingAllowHeaderFromPreflight' : reasonFor(f.chrome)
}

function hasUserInfo(location: string, base: URL): boolean {
  try {
    const url = new URL(location, base)
    return url.username !== '' || url.password !== ''
  } catch {
    return false
  }
}

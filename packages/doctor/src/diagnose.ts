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
} from './cors-check'
import { fixFor } from './fixes'
import { detectFlavor } from './flavor'
import { type DoctorInput, planRequest, type RequestPlan, type ServerFlavor } from './plan'
import { findRefusalCause, type OriginProbes, probeOrigins, type RefusalCause } from './probes'
import { type Exchange, Transport } from './transport'
import { headerWarnings, originWarnings, redirectWarning, varyWarning, type Warning } from './warnings'

/** One reason the browser blocks the call. */
export interface Problem {
  /** MDN's reason name, e.g. `CORSMissingAllowOrigin`. */
  code: ReasonCode
  /** The console message (Chromium's wording; Firefox's for the one rule Chromium does not enforce). */
  message: string
  /** What to change: the header and value, and the library option when the server looks known. */
  fix: string
  /** Which response failed. */
  step: 'preflight' | 'actual'
  /** Chromium's error kind (DevTools `Network.CorsError`), or null when Chromium lets it through. */
  chromeError: ChromeCorsError | null
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

/** Diagnoses the call `input` describes. Throws UsageError or NetworkError (exit code 2). */
export async function diagnose(input: DoctorInput): Promise<Diagnosis> {
  const plan = planRequest(input)
  const transport = new Transport(input.timeoutMs ?? 10_000)
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
}

async function run(plan: RequestPlan, input: DoctorInput, transport: Transport): Promise<Diagnosis> {
  const probing = input.probe !== false
  const probes: Exchange[] = []
  const found: Found[] = []
  const warnings: Warning[] = []
  let cause: RefusalCause | null = null
  let preflightExchange: Exchange | null = null
  let actualExchange: Exchange | null = null
  let actualSkipped: string | null = null
  let readable: Readable | null = null

  if (plan.preflight) {
    preflightExchange = await transport.send('OPTIONS', plan.url.href, preflightHeaders(plan))
    const failures = preflightFailures(preflightExchange.status, preflightExchange.headers, {
      origin: plan.origin,
      method: plan.method,
      credentials: plan.credentials,
      unsafeNames: plan.unsafeNames,
      headerNames: plan.headers.map(([n]) => n.toLowerCase()),
      privateNetwork: plan.privateNetwork,
    })
    for (const failure of failures) found.push({ failure, step: 'preflight', exchange: preflightExchange })
    if (probing && failures[0]?.chrome === 'PreflightMissingAllowOriginHeader') {
      cause = await findRefusalCause(transport, plan, preflightExchange, probes)
    }
    if (failures.length > 0) {
      actualSkipped = `the browser stops at the failed preflight and never sends the ${plan.method} request`
    }
  }

  if (actualSkipped === null) {
    actualExchange = await transport.send(plan.method, plan.url.href, actualHeaders(plan), plan.body)
    const ex = actualExchange
    const redirect = isRedirect(ex.status, ex.headers)
    // Fetch, HTTP fetch: the CORS check runs on every response of a CORS request, a redirect
    // included, before the redirect is followed.
    for (const e of accessFailures(ex.headers, plan.origin, plan.credentials)) {
      found.push({ failure: { chrome: e, hint: accessHint(e, ex.headers) }, step: 'actual', exchange: ex })
    }
    if (redirect) {
      const location = ex.headers.get('location') ?? ''
      if (found.length === 0 && hasUserInfo(location, plan.url)) {
        found.push({
          failure: { chrome: 'RedirectContainsCredentials', hint: location },
          step: 'actual',
          exchange: ex,
        })
      }
      warnings.push(redirectWarning(ex, plan))
    } else if (found.length === 0) {
      readable = readableHeaders(ex.headers, plan.credentials)
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

  const problems = found.map(({ failure, step, exchange }) =>
    toProblem(failure, step, exchange, plan, server, cause),
  )
  return {
    allowed: problems.length === 0,
    preflight: plan.preflight,
    problems,
    warnings,
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

function toProblem(
  failure: Failure,
  step: 'preflight' | 'actual',
  exchange: Exchange,
  plan: RequestPlan,
  server: ServerFlavor,
  cause: RefusalCause | null,
): Problem {
  const fix = fixFor(failure, {
    plan,
    flavor: server,
    headers: exchange.headers,
    status: exchange.status,
    cause,
  })
  if (failure.chrome === null) {
    // The one rule Chromium 156 does not enforce: word it as Firefox does.
    return {
      code: 'CORSMissingAllowHeaderFromPreflight',
      message: `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${plan.url.href}. (Reason: missing token ‘${failure.hint}’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel).`,
      fix,
      step,
      chromeError: null,
    }
  }
  return {
    code: reasonFor(failure.chrome),
    message: chromeMessage(failure.chrome, {
      url: plan.url.href,
      origin: plan.origin,
      hint: failure.hint,
      addressSpace: plan.addressSpace,
    }),
    fix,
    step,
    chromeError: failure.chrome,
  }
}

function hasUserInfo(location: string, base: URL): boolean {
  try {
    const url = new URL(location, base)
    return url.username !== '' || url.password !== ''
  } catch {
    return false
  }
}

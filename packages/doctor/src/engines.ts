/**
 * Where today's browser engines depart from the Fetch standard, in one place: the doctor's
 * verdicts name them, and the engines tests (@corsica/testkit re-exports this list) check each
 * entry against the real engine, so a browser update changes both at once. The standard's
 * verdict stays the verdict. Seen in Chromium 156, Firefox 153 ESR and WebKitGTK 2.50.
 */

/** The three engines the tests drive. */
export type Engine = 'chromium' | 'firefox' | 'webkit'

/** The engines, in the order reports list them. */
export const ENGINES: readonly Engine[] = ['chromium', 'firefox', 'webkit']

/** One rule where at least one engine does not do what the standard says. */
export interface EngineDeparture {
  /** Stable id, e.g. `acah-wildcard-authorization`. */
  id: string
  /** What the Fetch standard says. */
  standard: string
  /** What each engine does instead; null when it follows the standard. */
  engines: Record<Engine, string | null>
}

export const ENGINE_DEPARTURES: readonly EngineDeparture[] = [
  {
    id: 'acah-wildcard-authorization',
    standard:
      'Access-Control-Allow-Headers: * does not cover Authorization ("CORS non-wildcard request-header name"): the preflight fails unless authorization is listed by name.',
    engines: {
      chromium: 'lets Authorization through when Access-Control-Allow-Headers is * (no credentials)',
      firefox:
        'lets Authorization through when Access-Control-Allow-Headers is * (no credentials); follows the standard only with network.cors_preflight.authorization_covered_by_wildcard=false',
      webkit: 'lets Authorization through when Access-Control-Allow-Headers is * (no credentials)',
    },
  },
  {
    id: 'max-age-not-a-number',
    standard:
      'An Access-Control-Max-Age that does not parse as a number leaves max-age at its default (5 seconds): the preflight is cached for the default time.',
    engines: {
      chromium: null,
      firefox: 'does not cache the preflight: the next request sends a new preflight',
      webkit: null,
    },
  },
  {
    id: 'redirect-307-preflight-origin',
    standard:
      "After a cross-origin redirect to a third origin the request's tainted origin flag is set (Fetch, HTTP-redirect fetch), so the request itself carries Origin: null; its CORS-preflight request is a new request with the request's origin and no tainted origin flag (Fetch, CORS-preflight fetch step 1), so the preflight to the target carries the page's origin.",
    engines: {
      chromium: 'preflights the redirect target with Origin: null, as the request itself',
      firefox: null,
      webkit: 'preflights the redirect target with Origin: null, as the request itself',
    },
  },
]

/** The departure with this id; throws for an unknown id (a typo in the doctor, not user input). */
export function departure(id: string): EngineDeparture {
  const found = ENGINE_DEPARTURES.find((d) => d.id === id)
  if (found === undefined) throw new Error(`no engine departure ${id}`)
  return found
}

/** The engines that depart from the standard on `id`, in ENGINES order. */
export function departingEngines(id: string): Engine[] {
  const d = departure(id)
  return ENGINES.filter((e) => d.engines[e] !== null)
}

const NAMES: Record<Engine, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }

/** "Chromium, Firefox and WebKit depart from the standard here today: …", for a fix. */
export function engineNote(id: string): string {
  const names = departingEngines(id).map((e) => NAMES[e])
  const who = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`
  const extra = ENGINES.filter((e) => departure(id).engines[e]?.includes('pref'))
    .map((e) => `${NAMES[e]} ${departure(id).engines[e]!.replace(/^.*; /, '')}`)
    .join('; ')
  return `Today ${who} ${names.length === 1 ? 'departs' : 'depart'} from the standard here and let it through${extra ? ` (${extra})` : ''}`
}

/**
 * What each engine does with a call the standard blocks under departure `id`: `allowed` where
 * the engine departs (lets it through), `blocked` where it follows the standard.
 */
export function engineVerdicts(id: string): Record<Engine, 'allowed' | 'blocked'> {
  const d = departure(id)
  return {
    chromium: d.engines.chromium === null ? 'blocked' : 'allowed',
    firefox: d.engines.firefox === null ? 'blocked' : 'allowed',
    webkit: d.engines.webkit === null ? 'blocked' : 'allowed',
  }
}

/**
 * The longest each engine keeps a preflight answer in its CORS-preflight cache, in seconds,
 * whatever Access-Control-Max-Age asks (the Fetch standard leaves the cap to the user agent;
 * without the header all three keep it 5 s). Read in each engine's source:
 * - Chromium: services/network/cors/preflight_result.cc, `kMaxTimeout = base::Hours(2)`
 *   (services/network/public/cpp/cors/preflight_result.cc had `FromSeconds(600)` before
 *   Chromium 76, then `FromHours(2)`);
 * - Firefox: netwerk/protocol/http/nsCORSListenerProxy.cpp (mozilla/gecko-dev),
 *   nsCORSPreflightListener::AddResultToCache, `age = std::min(age, 86400U)` ("Cap at 24 hours");
 * - WebKit: Source/WebCore/loader/CrossOriginPreflightResultCache.cpp (WebKit/WebKit),
 *   `maxPreflightCacheTimeout = 600_s`.
 */
export const PREFLIGHT_CACHE_CAP: Readonly<Record<Engine, number>> = {
  chromium: 7200,
  firefox: 86400,
  webkit: 600,
}

/**
 * The max age the doctor suggests: Chromium's cap. Longer only lengthens Firefox's cache (and
 * the time a policy change takes to reach a page that is open); WebKit re-asks after 10 minutes
 * whatever is sent.
 */
export const SUGGESTED_MAX_AGE = 7200

const HUMAN: Record<number, string> = { 600: '10 min', 7200: '2 h', 86400: '24 h' }

/**
 * A note when a preflight's Access-Control-Max-Age is longer than an engine keeps it (a value
 * that is not a whole number is the `max-age-not-a-number` departure, not this); null otherwise.
 */
export function maxAgeNote(value: string | null): string | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null
  const seconds = Number(value.trim())
  const capped = ENGINES.filter((e) => seconds > PREFLIGHT_CACHE_CAP[e])
  if (capped.length === 0) return null
  const caps = capped.map((e) => `${NAMES[e]} ${PREFLIGHT_CACHE_CAP[e]} s (${HUMAN[PREFLIGHT_CACHE_CAP[e]]})`)
  const head =
    capped.length === ENGINES.length
      ? `Access-Control-Max-Age: ${seconds} is longer than any engine keeps a preflight (at most ${caps.join(', ')})`
      : `Access-Control-Max-Age: ${seconds} is longer than ${capped.map((e) => NAMES[e]).join(' and ')} keep${capped.length === 1 ? 's' : ''} a preflight (at most ${caps.join(', ')}; ${ENGINES.filter(
          (e) => !capped.includes(e),
        )
          .map((e) => NAMES[e])
          .join(' and ')} honour${capped.length === 2 ? 's' : ''} it)`
  const advice =
    seconds > SUGGESTED_MAX_AGE
      ? ` ${SUGGESTED_MAX_AGE} (maxAge: ${SUGGESTED_MAX_AGE}) is the longest Chromium honours; more only makes a policy change take longer to reach Firefox users.`
      : ''
  return `${head}: those engines send a new preflight sooner than it says.${advice}`
}

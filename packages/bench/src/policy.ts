/** The CORS policies every subject is configured with, and the trivial handler they all wrap. */

/** The two origins allowed to read responses under the small policy. */
export const allowedOrigins = ['https://app.example.com', 'https://admin.example.com'] as const

/** An origin no subject allows. */
export const refusedOrigin = 'https://evil.example'

/** Methods a preflight may ask for. */
export const allowedMethods = ['GET', 'POST', 'PUT', 'DELETE'] as const

/** Request headers a preflight may ask for, as lowercase names. */
export const allowedHeaders = ['content-type', 'authorization', 'x-request-id'] as const

/** Response headers script may read. */
export const exposedHeaders = ['x-request-id'] as const

/** Seconds a browser may cache a granted preflight. */
export const maxAge = 600

/**
 * Which origins a policy allows: exact origins, and subdomain patterns written as Corsica takes
 * them (`https://*.tenant1.example`: any subdomain of tenant1.example, one label or more, https,
 * default port).
 */
export interface OriginList {
  exact: readonly string[]
  patterns: readonly string[]
}

/** The policies the scenarios run under: the small one of every scenario, and a SaaS's large one. */
export type PolicyId = 'small' | 'large'

/** How many exact origins, and as many patterns, the large policy lists. */
export const LARGE_SIZE = 10_000

/**
 * The large policy: a SaaS serving its customers' own domains. 10,000 exact origins and 10,000
 * patterns, the small policy's two origins among the exact ones.
 */
const large: OriginList = {
  exact: [
    ...allowedOrigins,
    ...Array.from(
      { length: LARGE_SIZE - allowedOrigins.length },
      (_, i) => `https://shop${i}.customer.example`,
    ),
  ],
  patterns: Array.from({ length: LARGE_SIZE }, (_, i) => `https://*.tenant${i}.example`),
}

/** The origins of each policy. */
export const originLists: Record<PolicyId, OriginList> = {
  small: { exact: allowedOrigins, patterns: [] },
  large,
}

/** A pattern hit under the large policy: two labels deep under the middle tenant. */
export const patternOrigin = `https://eu.shop.tenant${LARGE_SIZE / 2}.example`

/** The RegExp a user would write for a pattern, as hono/cors, itty-router and h3 users do. */
export function patternRegExp(pattern: string): RegExp {
  const [scheme, domain] = pattern.split('://*.') as [string, string]
  return new RegExp(`^${scheme}://([a-z0-9-]+\\.)+${domain.replaceAll('.', '\\.')}$`)
}

/**
 * The check a user of a library without patterns writes as its origin function: the list as
 * strings and RegExps, tried in order (what the `cors` package for Express does with an array).
 */
export function listMatcher(list: OriginList): (origin: string) => boolean {
  const entries: (string | RegExp)[] = [...list.exact, ...list.patterns.map(patternRegExp)]
  return (origin) => entries.some((e) => (typeof e === 'string' ? e === origin : e.test(origin)))
}

/** The policy as Corsica takes it (core and @corsica/hono): patterns are strings among the origins. */
export function corsicaOptions(policy: PolicyId) {
  const { exact, patterns } = originLists[policy]
  return {
    origin: [...exact, ...patterns],
    methods: [...allowedMethods],
    allowedHeaders: [...allowedHeaders],
    exposedHeaders: [...exposedHeaders],
    credentials: true,
    maxAge,
  }
}

/** The rest of the policy under the names hono/cors, itty-router cors() and h3 share. */
export function peerOptions() {
  return {
    allowMethods: [...allowedMethods],
    allowHeaders: [...allowedHeaders],
    exposeHeaders: [...exposedHeaders],
    credentials: true as const,
    maxAge,
  }
}

/** What the handler's 200 carries: `'ok'`, or no body at all (see {@link handler}). */
export type HandlerBody = 'ok' | 'none'

let body: string | null = 'ok'

/** Sets the handler's body for this process (the micro benchmark's children; servers keep `'ok'`). */
export function setHandlerBody(kind: HandlerBody): void {
  body = kind === 'ok' ? 'ok' : null
}

/**
 * The handler every subject wraps: `new Response('ok')`, as cheap as a real answer can be, or in
 * the micro benchmark by default a bodiless 200: on Node 20 every body is a stream, whose ~5 us
 * of allocation and garbage per request are the same with or without CORS and swamp the few
 * hundred ns a CORS layer costs (issue 21: figures that two runs reproduce). An OPTIONS that
 * reaches it gets what an app without CORS answers: 204 with no body. That makes the reference
 * for a preflight a bodiless 204 too, like the CORS layer's own answer, so its cost on a
 * preflight is the decision and the headers.
 */
export const handler = (request: Request): Response =>
  request.method === 'OPTIONS' ? new Response(null, { status: 204 }) : new Response(body)

/**
 * @module @corsica/testkit/server-example: what every server example promises its front ends, as
 * one table. The examples (Bun, Deno, Express, Fastify, Elysia, h3, Hono on Node, the Cloudflare
 * worker) share one policy: the front ends below with credentials, GET, POST and DELETE,
 * content-type and x-request-id allowed, x-request-id exposed, maxAge 600, and most of them csrf.
 * Each runs the table against its own server, started as its README says, then rows of its own.
 * Expected values follow the Fetch standard's CORS check and CORS-preflight fetch, and Corsica's
 * documented answers (403 to a refused origin's preflight, the policy's own lists otherwise).
 */
import { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, PREFLIGHT_VARY } from './cases.ts'
import { send } from './http.ts'

/** The production front end. Every example's policy lists it and the admin app. */
export const APP = 'https://app.example.com'
/** The admin front end. */
export const ADMIN = 'https://admin.example.com'
/** An origin no example lists. */
export const EVIL = 'https://evil.example'

/** A request to an example and what it must answer. */
export interface ExampleExchange {
  request: { method: string; path: string; headers: Record<string, string>; body?: string }
  expect: {
    status: number
    /** Each header's exact value; null means it must be absent. Headers not named are not checked. */
    headers: Record<string, string | null>
    /** The body: JSON equal to this value, or text matching this pattern. Not checked when absent. */
    body?: unknown
  }
}

/** One row of the table. */
export interface ExampleCase extends ExampleExchange {
  name: string
  /** The code the policy's onRefuse reports for this request, for an example that logs it. */
  refusal?: string
  /** Sent next, to see what the first request left behind (a refused write: nothing). */
  followedBy?: ExampleExchange
}

/** A server example as the table sees it: its routes, and what they answer. */
export interface ServerExample {
  /** The route front ends read with GET, who reads (a front end the policy lists), and the JSON before any write. */
  read: { path: string; from: string; body: unknown }
  /** More front ends the policy lists (say, one a pattern matches), each granted the read too. */
  alsoFrom?: string[]
  /** Whether the read answers with the x-request-id it was sent (the header the policy exposes). */
  echoesRequestId: boolean
  /** The route front ends write to (preflighted first), and the JSON of the 201 to `{"text":"hi"}`. */
  write: { path: string; body: unknown }
  /** A route that throws, and the body of the 500 the app makes of it (as in `expect.body`); absent when there is none. */
  broken?: { path: string; body: unknown }
  /** Whether the policy has `csrf: true`. */
  csrf: boolean
}

/**
 * The notes API of the Bun, Deno, Elysia and h3 examples, as Bun's and Deno's serve it: one note
 * to start, the new note back, Vite's dev server (any localhost port) the front end that reads.
 */
export const notesApi: ServerExample = {
  read: {
    path: '/api/notes',
    from: 'http://localhost:5173',
    body: [{ id: 1, text: 'Try a cross-origin fetch' }],
  },
  echoesRequestId: true,
  write: { path: '/api/notes', body: { id: 2, text: 'hi' } },
  csrf: true,
}

/** The table for `example`, in the order its rows run (the reads before any write). */
export function serverExampleCases(example: ServerExample): ExampleCase[] {
  const { read, write, broken } = example
  const preflight = (origin: string, method: string, requestHeaders?: string) => ({
    method: 'OPTIONS',
    path: write.path,
    headers: {
      origin,
      'access-control-request-method': method,
      ...(requestHeaders === undefined ? {} : { 'access-control-request-headers': requestHeaders }),
    },
  })
  const readAgain = {
    request: { method: 'GET', path: read.path, headers: {} },
    expect: { status: 200, headers: {}, body: read.body },
  }
  const rows: (ExampleCase | false)[] = [
    {
      name: 'grants a preflight from a listed front end: credentials, its methods and headers, for 600 s',
      // Fetch joins the requested header names with "," and no space.
      request: preflight(APP, 'POST', 'content-type,x-request-id'),
      expect: {
        status: 204,
        headers: {
          [ACAO]: APP,
          [ACAC]: 'true',
          [ACAM]: 'GET, POST, DELETE',
          [ACAH]: 'content-type, x-request-id',
          [ACMA]: '600',
          vary: PREFLIGHT_VARY,
        },
      },
    },
    {
      name: 'grants the read, with credentials, and exposes x-request-id',
      request: {
        method: 'GET',
        path: read.path,
        headers: { origin: read.from, ...(example.echoesRequestId ? { 'x-request-id': 'r-1' } : {}) },
      },
      expect: {
        status: 200,
        headers: {
          [ACAO]: read.from,
          [ACAC]: 'true',
          [ACEH]: 'x-request-id',
          vary: 'Origin',
          ...(example.echoesRequestId ? { 'x-request-id': 'r-1' } : {}),
        },
        body: read.body,
      },
    },
    ...(example.alsoFrom ?? []).map((origin) => ({
      name: `grants the read to ${origin} too`,
      request: { method: 'GET', path: read.path, headers: { origin } },
      expect: { status: 200, headers: { [ACAO]: origin, [ACAC]: 'true', vary: 'Origin' }, body: read.body },
    })),
    {
      name: 'gives an unlisted origin the data but no permission to read it, and Vary: Origin',
      request: { method: 'GET', path: read.path, headers: { origin: EVIL } },
      expect: { status: 200, headers: { [ACAO]: null, [ACAC]: null, vary: 'Origin' }, body: read.body },
    },
    {
      name: 'refuses a preflight from an unlisted origin with 403 and no Access-Control-*',
      request: preflight(EVIL, 'POST'),
      // Corsica's documented answer; a browser fails it on the missing Access-Control-Allow-Origin.
      expect: { status: 403, headers: { [ACAO]: null, [ACAC]: null, [ACAM]: null, vary: PREFLIGHT_VARY } },
    },
    example.csrf && {
      name: 'refuses a cross-site write from an unlisted origin with 403 before the handler (csrf): nothing is written',
      // A simple request (text/plain), so a browser sends it without a preflight: CORS alone
      // would only hide the answer. The JSON body would be a note if the handler ran.
      request: {
        method: 'POST',
        path: write.path,
        headers: { origin: EVIL, 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
        body: '{"text":"from evil"}',
      },
      expect: { status: 403, headers: { [ACAO]: null }, body: /^Cross-origin request refused/ },
      refusal: 'cross-origin-write',
      followedBy: readAgain,
    },
    {
      name: "answers a preflight asking for a header the policy does not allow with the policy's own list",
      // The allowed origin and the list without x-api-key: the browser fails the preflight and
      // its console names the header.
      request: preflight(APP, 'POST', 'x-api-key'),
      expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type, x-request-id', [ACMA]: null } },
      refusal: 'header-not-allowed',
    },
    {
      name: "answers a preflight for a method the policy does not list (PUT) with the policy's own list",
      request: preflight(APP, 'PUT'),
      expect: { status: 204, headers: { [ACAO]: APP, [ACAM]: 'GET, POST, DELETE', [ACMA]: null } },
      refusal: 'method-not-allowed',
    },
    {
      name: 'lets a listed front end write: the 201 carries the grant',
      request: {
        method: 'POST',
        path: write.path,
        headers: { origin: ADMIN, 'content-type': 'application/json' },
        body: '{"text":"hi"}',
      },
      expect: { status: 201, headers: { [ACAO]: ADMIN, [ACAC]: 'true', vary: 'Origin' }, body: write.body },
    },
    broken !== undefined && {
      name: 'a route that throws: the 500 carries the grant, so the page sees the error',
      request: { method: 'GET', path: broken.path, headers: { origin: APP } },
      expect: { status: 500, headers: { [ACAO]: APP, [ACAC]: 'true', vary: 'Origin' }, body: broken.body },
    },
  ]
  return rows.filter((row) => row !== false)
}

/**
 * Sends a row's request (and the one it is followed by) to `base`; every way the answers differ from the row,
 * empty when it passes. With `log` (everything the server printed so far), a row's refusal must
 * also be logged with its code, within a second.
 */
export async function checkExampleCase(c: ExampleCase, base: string, log?: () => string): Promise<string[]> {
  const logged = log?.().length ?? 0
  const problems = await checkExchange(c, base)
  if (c.followedBy)
    problems.push(...(await checkExchange(c.followedBy, base)).map((problem) => `followed by: ${problem}`))
  if (log && c.refusal && !(await logs(log, logged, `[cors] ${c.refusal}`)))
    problems.push(`no "[cors] ${c.refusal}" in the log`)
  return problems
}

async function checkExchange({ request, expect }: ExampleExchange, base: string): Promise<string[]> {
  const answer = await send(`${base}${request.path}`, request)
  const problems: string[] = []
  if (answer.status !== expect.status) problems.push(`status ${answer.status}, expected ${expect.status}`)
  for (const [name, expected] of Object.entries(expect.headers)) {
    const actual = answer.headers.get(name)
    if (actual !== expected)
      problems.push(`${name}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`)
  }
  const body = bodyProblem(answer.body, expect.body)
  if (body) problems.push(body)
  return problems
}

/** Whether `line` appears in the log after its first `from` characters, waiting up to a second. */
async function logs(log: () => string, from: number, line: string): Promise<boolean> {
  for (let waited = 0; waited <= 1000; waited += 50) {
    if (log().slice(from).includes(line)) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

/** How a body differs from what a row expects (JSON equal to a value, or text matching a pattern); null when it does not. */
function bodyProblem(text: string, expected: unknown): string | null {
  if (expected === undefined) return null
  if (expected instanceof RegExp)
    return expected.test(text) ? null : `body ${JSON.stringify(text)}, expected ${expected}`
  let json: string | undefined
  try {
    json = JSON.stringify(JSON.parse(text))
  } catch {} // not JSON: differs
  return json === JSON.stringify(expected)
    ? null
    : `body ${JSON.stringify(text)}, expected ${JSON.stringify(expected)}`
}

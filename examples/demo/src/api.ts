/**
 * The demo API: a small items service on its own origin, protected by a realistic Corsica
 * policy, and recording what it saw in a {@link Journal} the page reads back.
 */
import { type CorsOptions, type CorsRefusal, createCors, refusalLine } from '@corsica/core'
import { chromiumLine } from './browser-line'
import { createJournal, type Journal, journaled } from './journal'

/** The policy a real single-page app would give its API. */
export function demoPolicy(
  appOrigin: string,
  onRefuse?: (refusal: CorsRefusal, request: Request) => void,
): CorsOptions {
  return {
    // Only the front-end's own origin: the second page origin is deliberately not listed.
    origin: [appOrigin],
    // No DELETE: the page's DELETE is refused at the preflight, before the handler runs.
    methods: ['GET', 'HEAD', 'POST', 'PUT'],
    // x-debug is not listed: the page's request with it is refused at the preflight.
    allowedHeaders: ['content-type', 'x-client-version'],
    exposedHeaders: ['x-total-count'],
    // Cookies travel, so the origin list must be exact (never '*').
    credentials: true,
    maxAge: 600,
    // CORS only hides answers: without this, a cross-site form post still runs the handler.
    csrf: true,
    ...(onRefuse ? { onRefuse } : {}),
  }
}

/** The policy as the source text a reader would write, for the page to show. */
export function policySource(options: CorsOptions): string {
  const show = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(show).join(', ')}]`
      : typeof value === 'string'
        ? `'${value}'`
        : String(value)
  const lines = Object.entries(options)
    .filter(([, value]) => typeof value !== 'function')
    .map(([name, value]) => `  ${name}: ${show(value)},`)
  if (options.onRefuse)
    lines.push('  onRefuse: (refusal) => journal.refused(refusal),  // the reasons shown below, also logged')
  return `createCors({\n${lines.join('\n')}\n})`
}

const items = [
  { id: 1, name: 'Bastia' },
  { id: 2, name: 'Ajaccio' },
  { id: 3, name: 'Calvi' },
]

const SESSION_COOKIE = 'demo_session'

/** The application's one side effect: transfers made (POST /api/transfer), read at GET /api/transfers. */
interface Ledger {
  transfers: number
}

/**
 * The application itself: it knows nothing about CORS. Under `/without-csrf/` it is the same
 * application, mounted behind the same policy with `csrf` off, for the card that shows why.
 */
async function application(request: Request, ledger: Ledger): Promise<Response> {
  const pathname = new URL(request.url).pathname.replace(/^\/without-csrf(?=\/)/, '')
  const method = request.method
  if (pathname === '/api/transfer' && method === 'POST') {
    ledger.transfers++
    return Response.json({ transferred: true, transfers: ledger.transfers })
  }
  if (pathname === '/api/transfers' && method === 'GET') {
    return Response.json({ transfers: ledger.transfers }, { headers: { 'cache-control': 'no-store' } })
  }
  if (pathname === '/api/items' && (method === 'GET' || method === 'HEAD')) {
    return Response.json(items, { headers: { 'x-total-count': String(items.length) } })
  }
  if (pathname === '/api/items' && method === 'POST') {
    const body = (await request.json().catch(() => ({}))) as { name?: string }
    return Response.json({ id: items.length + 1, name: body.name ?? 'unnamed' }, { status: 201 })
  }
  const match = /^\/api\/items\/(\d+)$/.exec(pathname)
  if (match && (method === 'PUT' || method === 'DELETE')) {
    const version = request.headers.get('x-client-version')
    return Response.json({ id: Number(match[1]), [method === 'PUT' ? 'updated' : 'deleted']: true, version })
  }
  if (pathname === '/api/login' && method === 'POST') {
    // app.demo.localhost and api.demo.localhost are two origins of one site (demo.localhost), as
    // app.example.com and api.example.com would be, so a SameSite=Lax cookie travels between them.
    // Across sites it would need SameSite=None; Secure, and browsers that block third-party
    // cookies would drop it whatever CORS says.
    return Response.json(
      { signedIn: true },
      { headers: { 'set-cookie': `${SESSION_COOKIE}=corsica; Path=/; HttpOnly; SameSite=Lax` } },
    )
  }
  if (pathname === '/api/me' && method === 'GET') {
    const cookie = request.headers.get('cookie') ?? ''
    const signedIn = cookie.split(/;\s*/).includes(`${SESSION_COOKIE}=corsica`)
    return Response.json({ signedIn, user: signedIn ? 'demo' : null })
  }
  return Response.json({ error: 'not found' }, { status: 404 })
}

/**
 * What the page shows for a request id (`GET /_journal?id=…`; not `rid`, so that this request
 * is not recorded under the id it asks about): the exchanges, the line Chromium prints when it
 * blocks the request, and the line the server logged.
 */
function journalAnswer(journal: Journal, request: Request): Response {
  const id = new URL(request.url).searchParams.get('id') ?? ''
  const exchanges = journal.get(id)
  const refusal = exchanges.map((e) => e.refusal).find((r) => r !== null)
  return Response.json(
    {
      exchanges,
      chromium: exchanges.map(chromiumLine).find((line) => line !== null) ?? null,
      server: refusal ? refusalLine(refusal) : null,
    },
    { headers: { 'cache-control': 'no-store' } },
  )
}

/** The API's fetch handler and its journal. */
export function createApi(appOrigin: string): {
  handler: (request: Request) => Promise<Response>
  journal: Journal
  policy: string
} {
  const journal = createJournal()
  const options = demoPolicy(appOrigin, (refusal, request) => {
    journal.refused(refusal, request)
    // What Corsica logs by itself when no onRefuse is given; the page shows the same line.
    console.warn(refusalLine(refusal))
  })
  const cors = createCors(options)
  const ledger: Ledger = { transfers: 0 }
  // The journal itself is readable by the front-end, under the same policy.
  const journalEndpoint = cors.wrap((request) => journalAnswer(journal, request))
  const run = (request: Request) => {
    journal.handlerRan(request)
    return application(request, ledger)
  }
  const api = journaled(journal, cors.wrap(run))
  const withoutCsrf = journaled(journal, createCors({ ...options, csrf: false }).wrap(run))
  return {
    journal,
    policy: policySource(options),
    handler: async (request) => {
      const { pathname } = new URL(request.url)
      if (pathname === '/_journal') return journalEndpoint(request)
      return pathname.startsWith('/without-csrf/') ? withoutCsrf(request) : api(request)
    },
  }
}

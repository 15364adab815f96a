/**
 * The matrix API's journal for servers on Node's `req`/`res` (Express, Fastify): what the journal
 * records is Fetch-shaped, so the request and the answer the client got are copied into a Request
 * and a Response here, on the test's side, after the answer is sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Journal } from '@corsica/demo/journal'

/** `req` as a Fetch Request (method, absolute URL with `?rid=…`, headers; no body). */
export function fetchRequestOf(req: IncomingMessage): Request {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  return new Request(`http://${req.headers.host}${path}`, { method: req.method, headers })
}

/** Records the exchange in `journal` once the answer is sent. */
export function recordWhenSent(journal: Journal, req: IncomingMessage, res: ServerResponse): void {
  // Fastify hands its headers to writeHead instead of setting them: keep what writeHead is given.
  let given: Record<string, unknown> = {}
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0]
    if (headers && !Array.isArray(headers)) given = headers as Record<string, unknown>
    return writeHead.call(res, status, ...rest)
  }) as typeof res.writeHead
  res.once('finish', () => {
    const headers = new Headers()
    const all = {
      ...res.getHeaders(),
      ...Object.fromEntries(Object.entries(given).map(([k, v]) => [k.toLowerCase(), v])),
    }
    for (const [name, value] of Object.entries(all)) {
      if (value === undefined) continue
      for (const v of Array.isArray(value) ? value : [String(value)]) headers.append(name, v)
    }
    journal.record(fetchRequestOf(req), new Response(null, { status: res.statusCode, headers }))
  })
}

/** The journal's answer to `GET /_journal?id=…`. */
export function journalAnswer(journal: Journal, req: IncomingMessage, res: ServerResponse): void {
  const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? ''
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(journal.get(id)))
}

/** Writes the testkit's API answer (a Fetch Response) on `res`. */
export async function writeAnswer(response: Response, res: ServerResponse): Promise<void> {
  response.headers.forEach((value, name) => {
    res.setHeader(name, value)
  })
  res.statusCode = response.status
  res.end(await response.text())
}

/**
 * Runs in Deno: the API of the browser csrf checks behind @corsica/deno's withCors, twice: under
 * `/on/` with `csrf: true`, under `/off/` without. Each write counts in the handler, and each
 * WebSocket handshake the handler sees is upgraded (`Deno.upgradeWebSocket`) and echoes. Any
 * other path serves a blank page, on whatever `*.localhost` host the browser asked for, so the
 * page origins (listed, unlisted, the API's own) are this server under other names.
 * `/_seen` tells, per submission id, whether the handler ran and what status went back.
 */
import { type CorsOptions, withCors } from '@corsica/deno'

declare const Deno: {
  env: { get(name: string): string | undefined }
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request, info: unknown) => Response | Promise<Response>,
  ): { addr: { port: number } }
  upgradeWebSocket(request: Request): { socket: WebSocket; response: Response }
}

/** What happened to one submission: the handler ran (the side effect), the answer's status. */
const seen = new Map<string, { ran: boolean; status?: number }>()

function handler(request: Request): Response {
  const id = new URL(request.url).searchParams.get('id') ?? ''
  seen.set(id, { ran: true })
  if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') return new Response('done')
  const { socket, response } = Deno.upgradeWebSocket(request)
  socket.onmessage = (event) => socket.send(`echo ${event.data}`)
  return response
}

let routes: { on: ReturnType<typeof withCors>; off: ReturnType<typeof withCors> }
const server = Deno.serve(
  { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening on ${port}`) },
  async (request, info) => {
    const url = new URL(request.url)
    if (url.pathname === '/_seen') return Response.json(Object.fromEntries(seen))
    const mode = /^\/(on|off)\//.exec(url.pathname)?.[1] as 'on' | 'off' | undefined
    if (mode === undefined) {
      return new Response('<!doctype html><title>csrf page</title><p>page</p>', {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      })
    }
    const id = url.searchParams.get('id') ?? ''
    const answer = await routes[mode](request, info)
    seen.set(id, { ran: seen.get(id)?.ran ?? false, status: answer.status })
    return answer
  },
)

// The listed page origin, on this server's port. No onRefuse: the default log prints each
// refusal (and, without csrf, each write from an unlisted origin that ran the handler) once.
const policy: CorsOptions = { origin: [`http://app.localhost:${server.addr.port}`], credentials: true }
routes = { on: withCors({ ...policy, csrf: true }, handler), off: withCors(policy, handler) }

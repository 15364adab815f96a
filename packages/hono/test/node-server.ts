/** Serving a Hono app on a real socket for a test, and sending a case's request to it with undici. */
import type { AddressInfo } from 'node:net'
import { type Case, type ObservedResponse, requestHeaders } from '@corsica/testkit'
import { serve } from '@hono/node-server'
import { request } from 'undici'

/** Serves `app` for the duration of `use`, then closes the server and its connections. */
export async function withServer<T>(
  app: { fetch: (request: Request, ...rest: any[]) => Response | Promise<Response> },
  use: (base: string) => Promise<T>,
): Promise<T> {
  // A case sends 16 KB of Access-Control-Request-Headers; Node's default limit is 16 KB in all.
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: app.fetch, hostname: '127.0.0.1', port: 0, serverOptions: { maxHeaderSize: 64 * 1024 } },
      () => resolve(s),
    )
  })
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}

/** Sends `c` over the socket, header lines exactly as the case lists them. */
export async function sendCase(c: Case, base: string): Promise<ObservedResponse> {
  const lines = requestHeaders(c, base)
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(c.request.method)
  const res = await request(`${base}${c.request.path ?? '/'}`, {
    method: c.request.method,
    headers: lines.flat(), // [name, value, name, value…]: order and repeats kept
    body: hasBody ? 'body' : undefined,
    reset: true, // one connection per request: nothing lingers when the server closes
  })
  await res.body.dump()
  return {
    status: res.statusCode,
    headers: {
      // Several lines of one field read as one value joined with ", " (Fetch: get a header).
      get(name: string): string | null {
        const v = res.headers[name.toLowerCase()]
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v
      },
    },
  }
}

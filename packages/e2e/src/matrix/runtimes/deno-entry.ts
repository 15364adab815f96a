/** Runs in Deno: the matrix API behind @corsica/deno's withCors, on Deno.serve. */
import { withCors } from '@corsica/deno'
import { matrixApp } from '../app'

declare const Deno: {
  env: { get(name: string): string | undefined }
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request, info: unknown) => Response | Promise<Response>,
  ): unknown
}

const app = matrixApp(Number(Deno.env.get('PAGE_PORT')), withCors)
Deno.serve(
  { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening on ${port}`) },
  (request, info) => app(request, info),
)

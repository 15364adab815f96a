/**
 * @module One server of the Deno.serve / Bun.serve whole-server figure: the bare handler, the
 * hand-written floor, or `createCors(...).wrap(handler)` as users put it on those servers, on
 * 127.0.0.1 and a free port, which it prints as `listening on PORT`. Bundled; run by Deno or Bun.
 */
import { createCors } from '@corsica/core'
import { allowedHeaders, allowedMethods, exposedHeaders, handler, maxAge, originLists } from './policy.js'
import { floor } from './subjects/floor.js'
import type { Handler } from './subjects/types.js'

/** The servers the figure compares. */
export type ServeVariant = 'bare' | 'floor' | 'corsica-core'

const variant = process.argv[2] as ServeVariant
const fetch: Handler =
  variant === 'bare'
    ? handler
    : variant === 'floor'
      ? floor(handler, originLists.small)
      : createCors({
          origin: [...originLists.small.exact],
          methods: [...allowedMethods],
          allowedHeaders: [...allowedHeaders],
          exposedHeaders: [...exposedHeaders],
          credentials: true,
          maxAge,
        }).wrap(handler)

declare const Deno:
  | { serve(options: object, handler: Handler): unknown; exit(code: number): never }
  | undefined
declare const Bun: { serve(options: object): { port: number } } | undefined

const listening = (port: number) => console.log(`listening on ${port}`)
if (typeof Deno !== 'undefined') {
  Deno.serve(
    { hostname: '127.0.0.1', port: 0, onListen: ({ port }: { port: number }) => listening(port) },
    fetch,
  )
} else if (typeof Bun !== 'undefined') {
  listening(Bun.serve({ hostname: '127.0.0.1', port: 0, fetch }).port)
} else {
  throw new Error('serve-child runs in Deno or Bun; Node has server-child.ts')
}

/** @module SvelteKit `handle` hook for CORS, backed by @corsica/core. */
import { type CorsOptions, type CorsOptionsList, createCorsAt } from '@corsica/core'
import type { Handle, RequestEvent } from '@sveltejs/kit'

export type {
  CorsOptions,
  CorsOptionsList,
  CorsRefusal,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from '@corsica/core'
export { CorsConfigError } from '@corsica/core'

/**
 * A SvelteKit `handle` hook that answers CORS preflights (and, with `csrf`, refuses untrusted
 * cross-origin writes) before any route runs, and adds the CORS headers to every other answer:
 * endpoints, pages, `error()`, thrown errors and 404s. Bad options throw a `CorsConfigError`
 * listing every problem here, when `hooks.server.ts` is loaded. The origin function receives
 * `(origin, request, event)`.
 * @example export const handle = cors({ origin: ['https://app.example.com'], credentials: true })
 * @example export const handle = sequence(cors(options), auth)
 */
export function cors(
  options: CorsOptions<[event: RequestEvent]> | CorsOptionsList<[event: RequestEvent]>,
): Handle {
  const policy = createCorsAt(cors, options, {
    problem: 'is never called: SvelteKit answers what a route throws, and the CORS headers are added.',
    fix: 'leave it out; shape error answers with handleError in src/hooks.server.ts and src/routes/+error.svelte.',
  }) // a bad config fails at start-up
  return async function corsHandle({ event, resolve }) {
    // Before resolve(): SvelteKit itself answers an OPTIONS request 405 when the route exports
    // no OPTIONS handler (@sveltejs/kit 2.70), so a preflight must never get that far.
    const answer = await policy.intercept(event.request, event)
    if (answer) return answer
    // resolve() turns what the route throws (error(), an Error) and unmatched URLs into
    // SvelteKit's own error answer, so every one of them passes here.
    const response = await resolve(event)
    return policy.apply(response, await policy.actualHeaders(event.request, event))
  }
}

/** @module Elysia plugin for CORS, backed by @corsica/core. */
import {
  applyCorsHeaders,
  type CorsHeaders,
  type CorsOptions,
  type CorsOptionsList,
  createCorsAt,
  type HeaderStore,
  withEarlierHeaders,
} from '@corsica/core'
import { Elysia } from 'elysia'

export type {
  CorsOptions,
  CorsRefusal,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from '@corsica/core'
export { CorsConfigError } from '@corsica/core'

/** Elysia's `set.headers`: a plain record, a value of `set-cookie` possibly a list. */
type SetHeaders = Record<string, string | string[]>

/**
 * An Elysia plugin that answers CORS preflights before routing and adds CORS headers to every
 * other answer: the route's value or Response, `status()`/`error()`, thrown errors, `onError`'s
 * answer and 404s. The options are checked here, at start-up: bad ones throw a `CorsConfigError`
 * listing every problem. An origin function receives `(origin, request)`.
 * @example new Elysia().use(cors({ origin: ['https://app.example.com'], credentials: true }))
 */
export function cors(options: CorsOptions<[]> | CorsOptionsList<[]>) {
  const policy = createCorsAt(cors, options, {
    problem: 'is never called: Elysia answers what a route throws, and the CORS headers are added.',
    fix: 'leave it out; shape error answers with .onError(({ error }) => ...).',
  }) // a bad config fails at start-up
  // The headers of each request, decided once in onRequest and read by the late hooks (a thrown
  // error passes through both onError and mapResponse).
  const decided = new WeakMap<Request, CorsHeaders | Promise<CorsHeaders>>()

  return (
    // No `name`: Elysia would deduplicate two cors() calls whose options serialize alike.
    new Elysia()
      // onRequest runs before routing, so a preflight is answered without an OPTIONS route
      // (Fetch standard, CORS-preflight fetch: it must never reach a handler), and with `csrf`
      // a refused cross-origin write never reaches one either.
      .onRequest(async ({ request, set }) => {
        const answer = await policy.intercept(request)
        if (answer === null) {
          decided.set(request, policy.actualHeaders(request))
          return
        }
        // Elysia 1.4 copies every set.headers entry the answer lacks onto it, so an earlier
        // hook's access-control-* would reach a refused preflight: merge them the core's way
        // (CORS headers the policy's alone), then leave Elysia nothing to copy.
        const earlier = new Headers()
        for (const [name, value] of Object.entries(set.headers as SetHeaders))
          for (const one of [value].flat()) earlier.append(name, one)
        for (const name of Object.keys(set.headers)) delete (set.headers as SetHeaders)[name]
        return withEarlierHeaders(answer, earlier)
      })
      // A Response the route returned gets the headers on itself (a copy when immutable); any
      // other value gets them in set.headers, so Elysia still picks its content type (building
      // a Response here would make an object or a string application/octet-stream).
      .mapResponse({ as: 'global' }, async ({ request, responseValue, set }) => {
        const headers = await decided.get(request)
        if (headers === undefined) return
        if (!(responseValue instanceof Response))
          return applyCorsHeaders(view(set.headers as SetHeaders), headers)
        const response = policy.apply(responseValue, headers)
        if (response !== responseValue) return response
      })
      // Errors and 404s (404s skip mapResponse): Elysia 1.4 builds their answer with set.headers.
      .onError({ as: 'global' }, async ({ request, set }) => {
        const headers = await decided.get(request)
        if (headers !== undefined) applyCorsHeaders(view(set.headers as SetHeaders), headers)
      })
  )
}

/** set.headers as the core writes headers: names matched whatever their case. */
function view(record: SetHeaders): HeaderStore {
  const key = (name: string) => Object.keys(record).find((k) => k.toLowerCase() === name)
  const store: HeaderStore = {
    get: (name: string) => {
      const k = key(name)
      return k === undefined ? null : [record[k]!].flat().join(', ')
    },
    has: (name: string) => key(name) !== undefined,
    set: (name: string, value: string) => {
      store.delete(name)
      record[name] = value
    },
    delete: (name: string) => {
      const k = key(name)
      if (k !== undefined) delete record[k]
    },
  }
  return store
}

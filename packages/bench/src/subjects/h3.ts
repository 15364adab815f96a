/** An h3 app, bare or with handleCors() as its first middleware (the way h3's docs use it). */
import { H3, handleCors } from 'h3'
import {
  allowedHeaders,
  allowedMethods,
  exposedHeaders,
  handler,
  maxAge,
  originLists,
  type PolicyId,
  patternRegExp,
} from '../policy.js'
import type { Handler } from './types.js'

/** The app's fetch, with or without handleCors(). */
export function h3App(withCors: boolean, policy: PolicyId = 'small'): Handler {
  const app = new H3()
  if (withCors) {
    const { exact, patterns } = originLists[policy]
    const options = {
      // h3 takes strings and RegExps in one array, and tries them in order.
      origin: [...exact, ...patterns.map(patternRegExp)],
      methods: [...allowedMethods],
      allowHeaders: [...allowedHeaders],
      exposeHeaders: [...exposedHeaders],
      credentials: true,
      maxAge: String(maxAge),
    }
    // handleCors answers a preflight itself and otherwise stages the headers on event.res.
    app.use((event) => {
      const answer = handleCors(event, options)
      if (answer !== false) return answer
    })
  }
  app.all('/', (event) => handler(event.req))
  return (request) => app.fetch(request)
}

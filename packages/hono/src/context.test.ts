/** Context, options from c.env and preflightContinue, with Hono on Node (app.fetch with an env). */
import { describe, expectTypeOf, it } from 'vitest'
import { contextSuite } from '../test/context.ts'
import { cors } from './index.ts'

describe('cors() and the context, on Node', () => {
  contextSuite({ ALLOWED_ORIGINS: 'https://app.test https://admin.app.test' })

  it("types the options function's env as the app's Bindings", () => {
    cors<{ Bindings: { ORIGINS: string } }>((env) => {
      expectTypeOf(env).toEqualTypeOf<{ ORIGINS: string }>()
      return { origin: env.ORIGINS.split(' ') }
    })
  })
})

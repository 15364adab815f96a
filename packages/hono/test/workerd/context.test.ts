/** Context, options from c.env and preflightContinue, with Hono inside workerd and its real env. */
import { env } from 'cloudflare:workers'
import { describe } from 'vitest'
import { contextSuite } from '../context.ts'

describe('cors() and the context, in workerd', () => {
  contextSuite(env as unknown as { ALLOWED_ORIGINS: string })
})

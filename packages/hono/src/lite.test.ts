/** `@corsica/hono/lite`: the shared table in a Hono app (app.request, Node), and its refusal of subdomain patterns. */
import { CorsConfigError as FullCorsConfigError } from '@corsica/core'
import { LITE_REFUSAL, liteCases, liteRefusedCases } from '@corsica/testkit'
import { describe, expect, it } from 'vitest'
import { runInProcess } from '../test/table.ts'
import { CorsConfigError, cors } from './lite.ts'

describe('cors() of @corsica/hono/lite in a Hono app (app.request, Node)', () => {
  it.each(liteCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await runInProcess(c, cors)).toEqual([])
  })

  it.each(liteRefusedCases.map((c) => [c.name, c] as const))('refuses at start-up: %s', (_, c) => {
    expect(() => cors(c.options)).toThrow(LITE_REFUSAL)
  })

  it('throws the one CorsConfigError class, the same as the full entry', () => {
    let thrown: unknown
    try {
      cors({ origin: ['https://*.example.com'] })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CorsConfigError)
    expect(thrown).toBeInstanceOf(FullCorsConfigError)
    expect(String((thrown as Error).message)).toContain(
      "origin[0]: 'https://*.example.com' is a subdomain pattern",
    )
  })

  it('keeps port patterns, RegExps and origin functions', async () => {
    for (const origin of [
      ['http://localhost:*'],
      [/^http:\/\/localhost:\d+$/],
      (o: string) => o.startsWith('http://localhost:'),
    ]) {
      const app = (await import('hono')).Hono
      const a = new app()
      a.use('*', cors({ origin: origin as never }))
      a.get('*', (c) => c.text('ok'))
      const res = await a.request('http://api.test/', { headers: { origin: 'http://localhost:5173' } })
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    }
  })
})

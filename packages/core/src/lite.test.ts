/**
 * `@corsica/core/lite`: the shared table as through the full entry, except subdomain patterns,
 * which it refuses at start-up; every other option problem reads as in the full entry.
 */
import { describe, expect, it } from 'vitest'
import {
  checkOutcome,
  handlers,
  LITE_REFUSAL,
  liteCases,
  liteRefusedCases,
  toRequest,
} from '../../testkit/src/index.ts'
import * as full from './index.ts'
import * as lite from './lite.ts'

/** The message of the error `create(options)` throws, or null. */
function thrown(create: (options: any) => unknown, options: unknown): string | null {
  try {
    create(options)
    return null
  } catch (error) {
    expect(error).toBeInstanceOf(full.CorsConfigError)
    return (error as Error).message
  }
}

describe('@corsica/core/lite: the shared table through wrap()', () => {
  it.each(liteCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const response = await lite.createCors(c.options).wrap(handlers[c.handler ?? 'ok'])(toRequest(c))
    expect(checkOutcome(c, response)).toEqual([])
  })

  it.each(liteRefusedCases.map((c) => [c.name, c] as const))('refuses at start-up: %s', (_, c) => {
    expect(() => lite.createCors(c.options)).toThrow(LITE_REFUSAL)
  })
})

describe('@corsica/core/lite at start-up', () => {
  it('refuses every subdomain pattern with the fix that names the full entry', () => {
    for (const pattern of ['https://*.example.com', 'http://*.localhost:3000', 'https://*.github.io']) {
      const message = thrown(lite.createCors, { origin: ['https://app.example.com', pattern] })
      expect(message).toContain(`origin[1]: '${pattern}' is a subdomain pattern`)
      expect(message).toContain(
        "Fix: use the full entry '@corsica/core' (or your adapter's, without /lite), which adds the Public Suffix List",
      )
    }
    expect(thrown(full.createCors, { origin: ['https://*.example.com'] })).toBeNull()
  })

  it('reads every other problem as the full entry does', () => {
    const bad = [
      { origin: ['https://*.com'] },
      { origin: ['https://a*.example.com'] },
      { origin: ['https://app.example.com/'], credentials: 'yes' },
      { origin: '*', credentials: true, maxAge: -1, methods: 'GET,PUT' },
      { origins: ['https://app.example.com'] },
      { origin: [/app\.example\.com/, 'http://app.example.com'], credentials: true },
      { origin: ['http://localhost:*', 'https://app.example.com:99999'] },
    ]
    for (const options of bad) {
      const message = thrown(lite.createCors, options)
      expect(message).not.toBeNull()
      expect(message).toBe(thrown(full.createCors, options))
    }
  })

  it('keeps port patterns, RegExps and origin functions', async () => {
    const origin = 'http://localhost:5173'
    for (const option of [
      ['http://localhost:*'],
      [/^http:\/\/localhost:\d+$/],
      (o: string) => o.startsWith('http://localhost:'),
    ]) {
      const headers = await lite
        .createCors({ origin: option as never })
        .actualHeaders(new Request('http://api.test/', { headers: { origin } }))
      expect(headers['access-control-allow-origin']).toBe(origin)
    }
  })

  it('probes RegExps over public suffixes only in the full entry, which has the list', () => {
    const vercel = { origin: [/^https:\/\/.*\.vercel\.app$/] }
    expect(thrown(full.createCors, vercel)).toContain('matches https://corsicaunmeant.vercel.app')
    // Without the list, lite cannot tell a public suffix from a domain of yours (documented).
    expect(thrown(lite.createCors, vercel)).toBeNull()
    expect(thrown(lite.createCors, { origin: [/^https:\/\/.*\.example\.com$/] })).toBeNull()
  })

  it('exports originsFromEnv, and suggests no sibling pattern it would refuse', async () => {
    expect(lite.originsFromEnv('https://a.test, https://b.test')).toEqual([
      'https://a.test',
      'https://b.test',
    ])
    const fixes: string[] = []
    const policy = lite.createCors({
      origin: ['https://us.app.example.com'],
      onRefuse: (r) => fixes.push(r.fix),
    })
    await policy.actualHeaders(
      new Request('http://api.test/', { headers: { origin: 'https://eu.app.example.com' } }),
    )
    expect(fixes).toEqual(["if you trust it, add 'https://eu.app.example.com' to origin"])
  })

  it('perEnv compiles with the lite check', () => {
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(...args)
    try {
      const policyFor = lite.perEnv(
        (env: { origins: string[] }) => ({ origin: env.origins }),
        (p) => p,
      )
      expect(policyFor({ origins: ['https://*.example.com'] })).toBeNull()
      expect(String(errors.find((e) => e instanceof Error))).toMatch(LITE_REFUSAL)
      expect(policyFor({ origins: ['https://app.example.com'] })).not.toBeNull()
    } finally {
      console.error = original
    }
  })
})

import { describe, expect, it, vi } from 'vitest'
import { ENV_BOUND } from './env.ts'
import { CorsConfigError, type CorsPolicy, configErrorResponse, perEnv } from './index.ts'

const APP = 'https://app.test'

describe('perEnv', () => {
  it('compiles once per env object, and again for another one', () => {
    const options = vi.fn((env: { ORIGIN: string }) => ({ origin: [env.ORIGIN] }))
    const policyFor = perEnv(options, (policy) => policy)
    const a = { ORIGIN: APP }
    const b = { ORIGIN: 'https://b.test' }
    const first = policyFor(a)
    expect(policyFor(a)).toBe(first)
    expect(policyFor(b)).not.toBe(first)
    expect(options).toHaveBeenCalledTimes(2)
  })

  it('keeps one answer for an env that is not an object', () => {
    const options = vi.fn(() => ({ origin: '*' as const }))
    const policyFor = perEnv<undefined, any[], CorsPolicy>(options, (policy) => policy)
    expect(policyFor(undefined)).toBe(policyFor(undefined))
    expect(options).toHaveBeenCalledTimes(1)
  })

  it('returns null for bad options and logs the CorsConfigError once per env', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const policyFor = perEnv(
        (_env: object) => ({ origin: '*', credentials: true, maxAge: -1 }),
        (p) => p,
      )
      const env = {}
      expect(policyFor(env)).toBeNull()
      expect(policyFor(env)).toBeNull()
      expect(error).toHaveBeenCalledTimes(1)
      const thrown = error.mock.calls[0]![1] as CorsConfigError
      expect(thrown).toBeInstanceOf(CorsConfigError)
      expect(thrown.problems.map((p) => p.option)).toEqual(['origin', 'maxAge'])
      expect(policyFor({})).toBeNull()
      expect(error).toHaveBeenCalledTimes(2) // another env object
    } finally {
      error.mockRestore()
    }
  })

  it('treats an options function that throws as bad options', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const policyFor = perEnv(
        (env: { ORIGINS?: string }) => ({ origin: env.ORIGINS!.split(' ') }),
        (p) => p,
      )
      expect(policyFor({})).toBeNull()
      expect(error.mock.calls[0]![1]).toBeInstanceOf(TypeError)
    } finally {
      error.mockRestore()
    }
  })

  it('answers 500 with no CORS header while the options are bad', async () => {
    const response = configErrorResponse()
    expect(response.status).toBe(500)
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([])
  })

  it('issue 19.6: a new env object per request (@hono/node-server) compiles at most ENV_BOUND times, with one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const options = vi.fn((_env: object) => ({ origin: [APP] }))
      const policyFor = perEnv(options, (policy) => policy)
      const policies = new Set(Array.from({ length: 200 }, () => policyFor({ incoming: {}, outgoing: {} })))
      expect(options).toHaveBeenCalledTimes(ENV_BOUND)
      expect(policies.size).toBe(ENV_BOUND)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]![0])).toContain('builds env per request')
    } finally {
      warn.mockRestore()
    }
  })

  it('issue 19.8: function and string envs do not grow a strong map without bound', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const options = vi.fn((_env: unknown) => ({ origin: '*' as const }))
      const policyFor = perEnv(options, (policy) => policy)
      for (let i = 0; i < 5000; i++) policyFor(i % 2 ? () => i : `env-${i}`)
      expect(options.mock.calls.length).toBeLessThanOrEqual(ENV_BOUND)
    } finally {
      warn.mockRestore()
    }
  })
})

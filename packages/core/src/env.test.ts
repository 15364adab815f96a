import { describe, expect, it, vi } from 'vitest'
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
})

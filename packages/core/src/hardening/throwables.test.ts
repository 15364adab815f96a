/**
 * Hardening: whatever an origin function or onRefuse throws, the request is answered, nothing is
 * granted, and the refusal is reported with a description that never throws itself.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCors } from '../index.ts'
import { answer, get, preflight, recording } from './requests.ts'

const APP = 'https://app.test'
const hostile = (): unknown[] => [
  Object.create(null),
  {
    toString() {
      throw new Error('no')
    },
  },
  new Proxy(
    {},
    {
      get() {
        throw new Error('trap')
      },
      getPrototypeOf() {
        throw new Error('trap')
      },
    },
  ),
  Symbol('s'),
  undefined,
  null,
  42n,
]

afterEach(() => {
  vi.restoreAllMocks()
})

describe('odd throwables', () => {
  it('the reproduction: an origin function throwing Object.create(null) is reported as origin-check-failed', async () => {
    const { policy, refusals } = recording({
      origin: () => {
        throw Object.create(null)
      },
    })
    const a = await answer(policy, get(APP))
    expect(a.headers['access-control-allow-origin']).toBeUndefined()
    expect(refusals.map((r) => r.code)).toEqual(['origin-check-failed'])
    expect(refusals[0]!.message).toContain('[object Object]')
  })

  it.each(hostile().map((v, i) => [i, v]))(
    'thrown value #%s, sync or async, on actual and preflight requests',
    async (_, value) => {
      for (const origin of [
        () => {
          throw value
        },
        () => Promise.reject(value),
      ]) {
        const { policy, refusals } = recording({ origin })
        expect((await answer(policy, get(APP))).headers['access-control-allow-origin']).toBeUndefined()
        expect((await answer(policy, preflight(APP))).status).toBe(403)
        expect(refusals.map((r) => r.code)).toEqual(['origin-check-failed', 'origin-check-failed'])
        for (const r of refusals) expect(typeof r.message).toBe('string')
      }
    },
  )

  it('property: anything thrown is described, and never breaks the request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true }),
        async (value) => {
          const { policy, refusals } = recording({
            origin: () => {
              throw value
            },
          })
          expect((await answer(policy, get(APP))).headers['access-control-allow-origin']).toBeUndefined()
          expect(refusals).toHaveLength(1)
        },
      ),
      { numRuns: 300 },
    )
  }, 60_000)

  it('onRefuse throwing an odd value is reported with console.error, and the request is answered', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const value of hostile()) {
      const policy = createCors({
        origin: [APP],
        onRefuse: () => {
          throw value
        },
      })
      expect((await answer(policy, get('https://evil.test'))).status).toBe(200)
    }
    expect(error).toHaveBeenCalledTimes(hostile().length)
    for (const [line] of error.mock.calls) expect(line).toMatch(/^\[corsica\] onRefuse threw/)
  })

  it('a then getter that throws on the origin function result is origin-check-failed', async () => {
    const { policy, refusals } = recording({
      origin: () =>
        ({
          // biome-ignore lint/suspicious/noThenProperty: a hostile thenable, on purpose
          get then() {
            throw new Error('then')
          },
        }) as unknown as boolean,
    })
    expect((await answer(policy, get(APP))).headers['access-control-allow-origin']).toBeUndefined()
    expect(refusals.map((r) => r.code)).toEqual(['origin-check-failed'])
  })
})

describe('the default refusal log', () => {
  it('escapes control characters a request put in its headers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const policy = createCors({ origin: '*', methods: ['PUT'] })
    await answer(policy, preflight('https://a.test\u001b[2J\u001b]0;owned\u0007', 'DELETE'))
    const lines = warn.mock.calls.map(([line]) => String(line))
    expect(lines).toHaveLength(1)
    expect([...lines[0]!].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false)
    expect(lines[0]).toContain('\\u001b[2J')
  })
})

/**
 * Hardening: options are the object's own properties, read once. A property that a polluting
 * bug elsewhere put on Object.prototype changes neither the policy nor the headers it writes.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { type CorsOptions, createCors } from '../index.ts'
import { type Answer, answer, configProblems, get, preflight } from './requests.ts'

/**
 * Pollution breaks `await` itself (a polluted `then` makes every object a thenable), so each
 * test pollutes, runs the policy synchronously, and cleans up before anything is awaited.
 */

const proto = Object.prototype as unknown as Record<string, unknown>
const polluted = new Set<string>()
function pollute(name: string, value: unknown): void {
  Object.defineProperty(proto, name, { value, configurable: true, writable: true, enumerable: true })
  polluted.add(name)
}
function unpollute(): void {
  for (const name of polluted) delete proto[name]
  polluted.clear()
}
afterEach(unpollute)

const APP = 'https://app.test'
const OPTIONS: CorsOptions = { origin: [APP], allowedHeaders: ['content-type'] }

/** Requests made before any pollution (Request's own init would read polluted members). */
const requests = () => [
  get(APP),
  get('https://evil.test'),
  get(),
  preflight(APP, 'PUT', { 'access-control-request-headers': 'content-type' }),
  preflight(APP, 'DELETE', { 'access-control-request-headers': 'x-api-key' }),
  preflight('https://evil.test', 'PUT'),
  preflight(APP, 'PUT', { 'access-control-request-private-network': 'true' }),
]

/** Every request through wrap(), synchronously (no origin function, so no promise). */
function answers(options: CorsOptions, rs: Request[]): Answer[] {
  const handler = createCors(options).wrap(() => new Response('ok'))
  return rs.map((r) => {
    const response = handler(r) as Response
    return { status: response.status, headers: Object.fromEntries([...response.headers].sort()) }
  })
}

/** Answers with `mix` polluted, cleaned up before returning. */
function pollutedAnswers(mix: readonly (readonly [string, unknown])[]): Answer[] {
  const rs = requests()
  try {
    for (const [name, value] of mix) pollute(name, value)
    return answers(OPTIONS, rs)
  } finally {
    unpollute()
  }
}

/** What a polluting bug might set, option names and the names of header records alike. */
const HOSTILE: [string, unknown][] = [
  ['credentials', true],
  ['methods', '*'],
  ['allowedHeaders', '*'],
  ['exposedHeaders', '*'],
  ['maxAge', 86400],
  ['privateNetworkAccess', true],
  ['optionsSuccessStatus', 200],
  ['dangerouslyAllowInsecureOrigins', true],
  ['origin', '*'],
  ['onRefuse', () => {}],
  ['access-control-allow-credentials', 'true'],
  ['access-control-expose-headers', '*'],
  ['access-control-allow-origin', '*'],
  ['vary', 'Cookie'],
  ['headers', { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' }],
  ['status', 200],
  ['then', (resolve: (v: unknown) => void) => resolve({ 'access-control-allow-origin': '*' })],
]

describe('inherited properties are not options', () => {
  it.each(HOSTILE)('Object.prototype.%s changes nothing', (name, value) => {
    const baseline = answers(OPTIONS, requests())
    expect(pollutedAnswers([[name, value]])).toEqual(baseline)
  })

  it('property: any mix of polluted names and values changes nothing', () => {
    const baseline = answers(OPTIONS, requests())
    fc.assert(
      fc.property(fc.subarray(HOSTILE, { minLength: 1 }), (mix) => {
        expect(pollutedAnswers(mix)).toEqual(baseline)
      }),
      { numRuns: 60 },
    )
  }, 60_000)

  it('the baseline is what the policy means (so "changes nothing" is not vacuous)', () => {
    const [app, evil] = answers(OPTIONS, requests())
    expect(app!.headers['access-control-allow-origin']).toBe(APP)
    expect(evil!.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('an inherited origin is not read, and the message says why', () => {
    const problems = configProblems(Object.create({ origin: ['https://app.test'] }))
    expect(problems).toHaveLength(1)
    expect(problems![0]!.problem).toContain('inherited origin is not read')
  })

  it('a non-enumerable property is not an option', async () => {
    const options = { origin: [APP] }
    Object.defineProperty(options, 'credentials', { value: true, enumerable: false })
    const a = await answer(createCors(options), get(APP))
    expect(a.headers['access-control-allow-credentials']).toBeUndefined()
  })

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'an own option named %s gets a sane message',
    (name) => {
      const options = { origin: [APP] }
      Object.defineProperty(options, name, { value: () => {}, enumerable: true })
      const problems = configProblems(options)
      expect(problems).toHaveLength(1)
      expect(problems![0]!.option).toBe(name)
      expect(problems![0]!.problem).toBe('is not a CORS option.')
      expect(problems![0]!.fix).not.toMatch(/function|native code|=>/)
    },
  )
})

describe('each option is read once', () => {
  it('a getter that answers a list to validation and * to compilation is read once', async () => {
    let reads = 0
    const options = {
      get origin() {
        reads++
        return reads === 1 ? [APP] : '*'
      },
      credentials: true,
    }
    const policy = createCors(options as CorsOptions)
    expect(reads).toBe(1)
    expect(
      (await answer(policy, get('https://evil.test'))).headers['access-control-allow-origin'],
    ).toBeUndefined()
  })

  it('a Proxy options object is asked once per name', () => {
    const gets: string[] = []
    const target = { origin: [APP], methods: ['PUT'], credentials: true }
    const options = new Proxy(target, {
      get(t, name, receiver) {
        gets.push(String(name))
        return Reflect.get(t, name, receiver)
      },
      getOwnPropertyDescriptor(t, name) {
        gets.push(`descriptor:${String(name)}`)
        return Reflect.getOwnPropertyDescriptor(t, name)
      },
    })
    createCors(options)
    const counts = new Map<string, number>()
    for (const g of gets) counts.set(g, (counts.get(g) ?? 0) + 1)
    for (const [name, n] of counts) expect(n, name).toBe(1)
  })

  it('a list whose elements change on each read is copied once', async () => {
    let reads = 0
    const list = [APP]
    Object.defineProperty(list, 0, {
      get: () => (++reads === 1 ? APP : 'https://evil.test'),
      enumerable: true,
    })
    const policy = createCors({ origin: list })
    expect(reads).toBe(1)
    expect((await answer(policy, get(APP))).headers['access-control-allow-origin']).toBe(APP)
    expect(
      (await answer(policy, get('https://evil.test'))).headers['access-control-allow-origin'],
    ).toBeUndefined()
  })

  it('a list with holes is refused, not read through Array.prototype', () => {
    const holey = [APP, 'x', 'https://b.test']
    delete (holey as unknown as Record<number, string>)[1] // a hole, on purpose
    ;(Array.prototype as unknown as Record<number, string>)[1] = 'https://evil.test'
    try {
      const problems = configProblems({ origin: holey })
      expect(problems?.map((p) => p.option)).toEqual(['origin[1]'])
    } finally {
      delete (Array.prototype as unknown as Record<number, string>)[1]
    }
  })
})

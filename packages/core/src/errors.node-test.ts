/**
 * How Node prints a CorsConfigError: each problem once, the stack starting at the user's call.
 * (Node only: util.inspect, and V8's stack.)
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { type CorsConfigError, type CorsOptions, createCors, createCorsAt } from './index.ts'

describe('a CorsConfigError prints tidily', () => {
  function thrown(make: () => unknown): CorsConfigError {
    try {
      make()
    } catch (error) {
      return error as CorsConfigError
    }
    throw new Error('nothing thrown')
  }

  it('shows each problem once when Node prints it', () => {
    const e = thrown(() => createCors({ origin: '*', maxAge: -5 }))
    expect(Object.keys(e)).toEqual([])
    expect(e.problems).toHaveLength(1)
    const printed = inspect(e)
    expect(printed.split('maxAge: -5').length - 1).toBe(1)
    expect(printed).not.toContain('problems:')
    expect(printed).toMatch(/^CorsConfigError: 1 problem in CORS options/)
  })

  it("starts the stack at the user's createCors call", () => {
    const e = thrown(() => createCors({ origin: '*', maxAge: -5 }))
    const frames = e.stack!.split('\n').filter((l) => l.trimStart().startsWith('at '))
    expect(frames[0]).toContain('errors.node-test.ts')
  })

  it("starts it at an adapter's own call with createCorsAt", () => {
    function cors(options: CorsOptions) {
      return createCorsAt(cors, options)
    }
    const e = thrown(() => cors({ origin: '*', maxAge: -5 }))
    const frames = e.stack!.split('\n').filter((l) => l.trimStart().startsWith('at '))
    expect(frames[0]).toContain('errors.node-test.ts')
    expect(frames[0]).not.toMatch(/\bcors\b \(/)
  })
})

describe('good configurations are accepted', () => {
  const good: [string, CorsOptions][] = [
    [
      'the README example',
      {
        origin: ['https://my-app.com', 'https://*.my-app.com', 'http://localhost:*'],
        methods: ['GET', 'POST', 'PUT'],
        allowedHeaders: ['content-type', 'authorization'],
        exposedHeaders: ['x-request-id'],
        credentials: true,
        maxAge: 600,
      },
    ],
    ['a public API', { origin: '*' }],
    [
      'wildcards with credentials (echoed)',
      { origin: ['https://a.test'], credentials: true, methods: '*', allowedHeaders: '*' },
    ],
    [
      'non-special schemes',
      { origin: ['chrome-extension://abcdefghijklmnop', 'capacitor://localhost', 'tauri://localhost'] },
    ],
    ['IPv4 and IPv6 origins', { origin: ['http://127.0.0.1:8080', 'http://[::1]:3000'] }],
    ['a pattern with a port', { origin: ['https://*.example.com:8443', 'https://*.example.com:*'] }],
    ["'null' listed", { origin: ['null'] }],
    ['an anchored RegExp with flags', { origin: /^https:\/\/a\.test$/gi }],
    ['a function', { origin: async () => true }],
    ['maxAge 0', { origin: '*', maxAge: 0 }],
  ]
  it.each(good)('%s', (_, options) => {
    expect(() => createCors(options)).not.toThrow()
  })
})

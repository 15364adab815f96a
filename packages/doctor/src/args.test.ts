/** The command line, parsed into what to diagnose. */
import { describe, expect, it } from 'vitest'
import { parseCommand } from './args'
import { UsageError } from './plan'

describe('parseCommand', () => {
  it('maps every option', () => {
    const c = parseCommand([
      'doctor',
      'https://api.example.com/items',
      '--origin',
      'https://app.example.com',
      '-X',
      'PUT',
      '-H',
      'Content-Type: application/json',
      '--header',
      'X-Api-Key: k',
      '--credentials',
      '--private-network',
      '--data',
      '{}',
      '--timeout',
      '2.5s',
      '--server',
      'hono',
      '--no-probe',
      '--json',
    ])
    expect(c).toEqual({
      kind: 'doctor',
      json: true,
      input: {
        url: 'https://api.example.com/items',
        origin: 'https://app.example.com',
        method: 'PUT',
        headers: ['Content-Type: application/json', 'X-Api-Key: k'],
        credentials: true,
        privateNetwork: true,
        body: '{}',
        timeoutMs: 2500,
        server: 'hono',
        probe: false,
      },
    })
  })

  it('defaults to GET, 10 s, detection and probes', () => {
    const c = parseCommand(['doctor', 'http://localhost:3000/', '--origin', 'http://localhost:5173'])
    expect(c).toMatchObject({
      kind: 'doctor',
      json: false,
      input: { method: 'GET', timeoutMs: 10_000, server: 'auto', probe: true, credentials: false },
    })
  })

  it.each([
    ['10', 10_000],
    ['10s', 10_000],
    ['500ms', 500],
    ['0.25', 250],
  ])('reads --timeout %s as %i ms', (raw, ms) => {
    const c = parseCommand(['doctor', 'http://x.test/', '--origin', 'http://y.test', '--timeout', raw])
    expect(c.kind === 'doctor' && c.input.timeoutMs).toBe(ms)
  })

  it.each([['0'], ['-1'], ['700s'], ['1m']])('refuses --timeout %s', (raw) => {
    expect(() =>
      parseCommand(['doctor', 'http://x.test/', '--origin', 'http://y.test', '--timeout', raw]),
    ).toThrow(UsageError)
  })

  it('reads --deadline as the limit of the whole run (issue 19, item 9)', () => {
    const base = ['doctor', 'http://x.test/', '--origin', 'http://y.test']
    const c = parseCommand([...base, '--deadline', '90s'])
    expect(c.kind === 'doctor' && c.input.deadlineMs).toBe(90_000)
    // Not given: diagnose() applies its default (60 s, or --timeout when longer).
    const d = parseCommand(base)
    expect(d.kind === 'doctor' && d.input.deadlineMs).toBeUndefined()
    expect(() => parseCommand([...base, '--deadline', '0'])).toThrow(/--deadline "0" is not a time/)
  })

  it('refuses an unknown --server', () => {
    expect(() =>
      parseCommand(['doctor', 'http://x.test/', '--origin', 'http://y.test', '--server', 'koa']),
    ).toThrow(/--server must be one of/)
  })
})

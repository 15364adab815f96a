import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkRequestHeaders,
  MAX_REQUEST_HEADERS_LENGTH,
  REMEMBERED_REQUEST_HEADERS,
  RequestHeadersCheck,
} from './request-headers.ts'

const allowed = new Set(['content-type', 'x-api-key'])

describe('Access-Control-Request-Headers', () => {
  it.each([
    ['content-type', 'content-type'],
    ['Content-Type, X-API-Key', 'content-type,x-api-key'],
    [' content-type ,\tx-api-key\t', 'content-type,x-api-key'],
    [',,content-type,,', 'content-type'],
    [', ,', ''],
    ['', ''],
  ])('%j is allowed, read as %j', (value, names) => {
    // Only '*' echoes the names read; a listed set answers with its own list.
    expect(checkRequestHeaders(value, allowed)).toEqual({ ok: true, names: '' })
    expect(checkRequestHeaders(value, null)).toEqual({ ok: true, names })
  })

  it.each([
    ['x-other', 'header-not-allowed', 'x-other'],
    ['content-type,x-other', 'header-not-allowed', 'x-other'],
    ['x api', 'headers-malformed', 'x api'],
    ['content-type;x', 'headers-malformed', 'content-type;x'],
    ['content-type\u00a0', 'headers-malformed', 'content-type\u00a0'],
  ])('%j is refused (%s)', (value, code, header) => {
    expect(checkRequestHeaders(value, allowed)).toEqual({ ok: false, code, header })
  })

  it("with '*', checks syntax only and echoes lower-case names", () => {
    expect(checkRequestHeaders('X-A, Authorization', null)).toEqual({ ok: true, names: 'x-a,authorization' })
    expect(checkRequestHeaders('x-a, b@d', null)).toMatchObject({ ok: false, code: 'headers-malformed' })
  })

  it('refuses a value over the bound unread', () => {
    expect(checkRequestHeaders('a,'.repeat(MAX_REQUEST_HEADERS_LENGTH), null)).toEqual({
      ok: false,
      code: 'headers-malformed',
      header: `${MAX_REQUEST_HEADERS_LENGTH * 2} characters`,
    })
    expect(checkRequestHeaders('x'.repeat(MAX_REQUEST_HEADERS_LENGTH), null).ok).toBe(true)
  })
})

describe('RequestHeadersCheck', () => {
  const name = fc.constantFrom('content-type', 'Content-Type', 'x-api-key', 'x-other', 'x api', '', ' ')
  const value = fc.array(name, { maxLength: 4 }).map((names) => names.join(','))

  it.each([
    ['a listed set', allowed],
    ["'*'", null],
  ] as const)('answers as checkRequestHeaders does, asked again and again (%s)', (_, set) => {
    fc.assert(
      fc.property(fc.array(fc.option(value, { nil: null }), { maxLength: 300 }), (values) => {
        const check = new RequestHeadersCheck(set)
        for (const v of values) expect(check.check(v)).toEqual(checkRequestHeaders(v, set))
      }),
    )
  })

  it(`remembers at most ${REMEMBERED_REQUEST_HEADERS} values, and only allowed ones`, () => {
    const check = new RequestHeadersCheck(null)
    for (let i = 0; i < 3 * REMEMBERED_REQUEST_HEADERS; i++) check.check(`x-${i}`)
    check.check('x y')
    expect(check.size).toBeLessThanOrEqual(REMEMBERED_REQUEST_HEADERS)
    expect(check.size).toBeGreaterThan(0)
  })
})

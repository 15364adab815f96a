import { describe, expect, it } from 'vitest'
import { checkRequestHeaders, MAX_REQUEST_HEADERS_LENGTH } from './request-headers.ts'

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
    expect(checkRequestHeaders(value, allowed)).toEqual({ ok: true, names })
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

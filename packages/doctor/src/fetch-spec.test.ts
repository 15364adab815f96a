/** The Fetch standard's client-side definitions, case by case (expected values from the standard's text). */
import { describe, expect, it } from 'vitest'
import {
  classifyHeaders,
  isForbiddenRequestHeader,
  isSafelistedMethod,
  isSerializedOrigin,
  isSimpleRange,
  normalizeMethod,
  parseTokenList,
  sortedLowercaseSet,
  unsafeReason,
} from './fetch-spec'
import { mimeEssence } from './mime-type'

describe('methods', () => {
  it.each([
    ['get', 'GET'],
    ['delete', 'DELETE'],
    ['Options', 'OPTIONS'],
    ['patch', 'patch'],
    ['Patch', 'Patch'],
    ['PROPFIND', 'PROPFIND'],
  ])('fetch() normalizes %s to %s', (given, sent) => {
    expect(normalizeMethod(given)).toBe(sent)
  })

  it('safelists GET, HEAD and POST byte for byte', () => {
    expect(['GET', 'HEAD', 'POST'].every(isSafelistedMethod)).toBe(true)
    expect(['get', 'PUT', 'PATCH', 'OPTIONS'].some(isSafelistedMethod)).toBe(false)
  })
})

describe('CORS-safelisted request-headers', () => {
  it.each([
    ['accept', 'application/json', null],
    ['accept', 'text/html; q="0.9"', 'unsafe-byte'],
    ['accept', 'a'.repeat(128), null],
    ['accept', 'a'.repeat(129), 'too-long'],
    ['accept-language', 'en-GB,en;q=0.9', null],
    ['content-language', 'de_DE', 'language-byte'],
    ['content-type', 'text/plain', null],
    ['content-type', 'Text/Plain; charset=utf-8', null],
    ['content-type', 'multipart/form-data; boundary=xyz', null],
    ['content-type', 'application/x-www-form-urlencoded', null],
    ['content-type', 'text/plain; charset="utf-8"', 'unsafe-byte'],
    ['content-type', 'application/json', 'content-type-essence'],
    ['content-type', 'text/plain, application/json', 'content-type-unparsable'],
    ['content-type', 'text', 'content-type-unparsable'],
    ['content-type', '', 'content-type-unparsable'],
    ['range', 'bytes=0-', null],
    ['range', 'bytes=10-20', null],
    ['range', 'bytes=-5', 'range-value'],
    ['range', 'bytes=20-10', 'range-value'],
    ['range', 'bytes=0-1,5-6', 'range-value'],
    ['x-api-key', 'k', 'name'],
    ['authorization', 'Bearer t', 'name'],
  ])('%s: %j → %s', (name, value, reason) => {
    expect(unsafeReason(name, value)).toBe(reason)
  })

  it('makes every safelisted header unsafe once their values pass 1024 bytes together', () => {
    // Fetch: "If safelistValueSize is greater than 1024, then for each name of
    // potentillyUnsafeNames, append name to unsafeNames." Separate entries of one name count.
    const entries = Array.from({ length: 9 }, () => ['accept', 'a'.repeat(120)] as const)
    expect(classifyHeaders(entries).every((v) => v.reason === 'total-too-long')).toBe(true)
    expect(classifyHeaders(entries.slice(0, 8)).every((v) => v.reason === null)).toBe(true)
  })

  it('lists unsafe names sorted, lower case, once', () => {
    expect(sortedLowercaseSet(['X-B', 'x-a', 'Content-Type', 'x-b'])).toEqual(['content-type', 'x-a', 'x-b'])
  })

  it('knows the forbidden request headers', () => {
    for (const name of [
      'Cookie',
      'Origin',
      'Host',
      'Sec-Fetch-Mode',
      'Proxy-Authorization',
      'Content-Length',
    ]) {
      expect(isForbiddenRequestHeader(name, 'x')).toBe(true)
    }
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'TRACE')).toBe(true)
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PATCH')).toBe(false)
    expect(isForbiddenRequestHeader('Authorization', 'x')).toBe(false)
  })
})

describe('MIME type essence', () => {
  it.each([
    [' text/plain ', 'text/plain'],
    ['TEXT/PLAIN;charset=utf-8', 'text/plain'],
    ['text/plain ;x=y', 'text/plain'],
    ['text /plain', null],
    ['/plain', null],
    ['text/', null],
  ])('%j → %s', (value, essence) => {
    expect(mimeEssence(value)).toBe(essence)
  })
})

describe('simple ranges', () => {
  it('needs a first position', () => {
    expect(isSimpleRange('bytes=0-0')).toBe(true)
    expect(isSimpleRange('bytes=5')).toBe(false)
    expect(isSimpleRange('Bytes=0-')).toBe(false)
  })
})

describe('#token list headers', () => {
  it.each([
    ['GET, PUT', { ok: true, values: ['GET', 'PUT'] }],
    ['GET,,PUT , ', { ok: true, values: ['GET', 'PUT'] }],
    ['', { ok: true, values: [] }],
    ['GET PUT', { ok: false, bad: 'GET PUT' }],
    ['x-a; x-b', { ok: false, bad: 'x-a; x-b' }],
    ['x-a, "x-b"', { ok: false, bad: '"x-b"' }],
  ])('%j', (value, parsed) => {
    expect(parseTokenList(value)).toEqual(parsed)
  })

  it('is null when absent', () => {
    expect(parseTokenList(null)).toBeNull()
  })
})

describe('origins', () => {
  it.each([
    ['https://app.example.com', true],
    ['http://localhost:3000', true],
    ['null', true],
    ['https://app.example.com/', false],
    ['https://app.example.com:443', false],
    ['HTTPS://APP.example.com', false],
    ['app.example.com', false],
    ['file:///tmp/x', false],
  ])('%s is a serialized origin: %s', (value, ok) => {
    expect(isSerializedOrigin(value)).toBe(ok)
  })
})

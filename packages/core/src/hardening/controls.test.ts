/** Issue 19, item 5: what onRefuse receives never carries raw control characters from the request. */
import { describe, expect, it } from 'vitest'
import { type CorsRefusal, createCors } from '../index.ts'

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/

describe('onRefuse fields are escaped', () => {
  it.each([
    ['a malformed Origin', { origin: 'https://evil\u009b31m.test' }, 'GET'],
    [
      'a malformed Access-Control-Request-Method',
      { origin: 'https://app.test', 'access-control-request-method': 'P\u009bUT' },
      'OPTIONS',
    ],
    [
      'a malformed Access-Control-Request-Headers',
      {
        origin: 'https://app.test',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-\u009b2J',
      },
      'OPTIONS',
    ],
  ])('%s (an 8-bit CSI, U+009B)', async (_, headers, method) => {
    const seen: CorsRefusal[] = []
    // Header values are ByteStrings: a Request built from an object keeps U+009B as the byte 0x9B.
    const request = new Request('http://api.test/', { method, headers: headers as Record<string, string> })
    await createCors({ origin: ['https://app.test'], onRefuse: (r) => seen.push(r) }).wrap(
      () => new Response('ok'),
    )(request)
    expect(seen).toHaveLength(1)
    for (const field of [seen[0]!.message, seen[0]!.fix, seen[0]!.origin]) expect(field).not.toMatch(CONTROLS)
    expect(seen[0]!.message).toContain('\\u009b')
  })
})

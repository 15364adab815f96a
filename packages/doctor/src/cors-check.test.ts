/** The response checks on header lists, without a network: order and edge cases. */
import { describe, expect, it } from 'vitest'
import { accessFailures, type PreflightRequest, preflightFailures, readableHeaders } from './cors-check'
import { ResponseHeaders } from './transport'

const O = 'https://app.example.com'
const h = (lines: Array<[string, string]>) => new ResponseHeaders(lines)

describe('the CORS check', () => {
  it.each<[string, Array<[string, string]>, boolean, string[]]>([
    ['echo', [['access-control-allow-origin', O]], false, []],
    ['*', [['access-control-allow-origin', '*']], false, []],
    [
      '* with credentials',
      [
        ['access-control-allow-origin', '*'],
        ['access-control-allow-credentials', 'true'],
      ],
      true,
      ['WildcardOriginNotAllowed'],
    ],
    ['missing', [], false, ['MissingAllowOriginHeader']],
    ['missing, with credentials', [], true, ['MissingAllowOriginHeader', 'InvalidAllowCredentials']],
    [
      'two lines',
      [
        ['access-control-allow-origin', O],
        ['access-control-allow-origin', O],
      ],
      false,
      ['MultipleAllowOriginValues'],
    ],
    ['null', [['access-control-allow-origin', 'null']], false, ['AllowOriginMismatch']],
    ['no scheme', [['access-control-allow-origin', 'app.example.com']], false, ['InvalidAllowOriginValue']],
    ['upper case', [['access-control-allow-origin', O.toUpperCase()]], false, ['AllowOriginMismatch']],
    [
      'ACAC TRUE',
      [
        ['access-control-allow-origin', O],
        ['access-control-allow-credentials', 'TRUE'],
      ],
      true,
      ['InvalidAllowCredentials'],
    ],
    [
      'ACAC without credentials is ignored',
      [
        ['access-control-allow-origin', O],
        ['access-control-allow-credentials', 'nope'],
      ],
      false,
      [],
    ],
  ])('%s', (_name, lines, credentials, failures) => {
    expect(accessFailures(h(lines), O, credentials)).toEqual(failures)
  })
})

describe('the CORS-preflight check', () => {
  const req: PreflightRequest = {
    origin: O,
    method: 'PUT',
    credentials: false,
    unsafeNames: ['content-type', 'x-api-key'],
    headerNames: ['content-type', 'x-api-key'],
    privateNetwork: false,
  }
  const granted: Array<[string, string]> = [['access-control-allow-origin', O]]

  it('reports a redirect alone', () => {
    const f = preflightFailures(302, h([['location', '/x']]), req)
    expect(f.map((x) => x.chrome)).toEqual(['PreflightDisallowedRedirect'])
  })

  it('checks the origin before the status, as Chromium does', () => {
    expect(preflightFailures(404, h([]), req).map((x) => x.chrome)).toEqual([
      'PreflightMissingAllowOriginHeader',
      'PreflightInvalidStatus',
    ])
  })

  it('goes on to methods and headers when the server did answer them', () => {
    const f = preflightFailures(
      204,
      h([
        ['access-control-allow-methods', 'GET'],
        ['access-control-allow-headers', 'x-api-key'],
      ]),
      req,
    )
    expect(f.map((x) => [x.chrome, x.hint])).toEqual([
      ['PreflightMissingAllowOriginHeader', ''],
      ['MethodDisallowedByPreflightResponse', 'PUT'],
      ['HeaderDisallowedByPreflightResponse', 'content-type'],
    ])
  })

  it('passes with methods and headers listed, case-insensitively for headers', () => {
    const lines: Array<[string, string]> = [
      ...granted,
      ['access-control-allow-methods', 'PUT'],
      ['access-control-allow-headers', 'Content-Type, X-API-Key'],
    ]
    expect(preflightFailures(204, h(lines), req)).toEqual([])
  })

  it('compares methods byte for byte', () => {
    const lines: Array<[string, string]> = [
      ...granted,
      ['access-control-allow-methods', 'put'],
      ['access-control-allow-headers', '*'],
    ]
    expect(preflightFailures(204, h(lines), req).map((x) => x.chrome)).toEqual([
      'MethodDisallowedByPreflightResponse',
    ])
  })

  it('reads * as a wildcard only without credentials', () => {
    const lines: Array<[string, string]> = [
      ...granted,
      ['access-control-allow-methods', '*'],
      ['access-control-allow-headers', '*'],
      ['access-control-allow-credentials', 'true'],
    ]
    expect(preflightFailures(204, h(lines), req)).toEqual([])
    expect(preflightFailures(204, h(lines), { ...req, credentials: true }).map((x) => x.chrome)).toEqual([
      'MethodDisallowedByPreflightResponse',
      'HeaderDisallowedByPreflightResponse',
      'HeaderDisallowedByPreflightResponse',
    ])
  })

  it('never lets * cover Authorization', () => {
    const lines: Array<[string, string]> = [...granted, ['access-control-allow-headers', '*']]
    const auth = { ...req, method: 'GET', unsafeNames: ['authorization'], headerNames: ['authorization'] }
    expect(preflightFailures(204, h(lines), auth)).toEqual([
      { chrome: null, hint: 'authorization', rule: 'authorization-wildcard' },
    ])
    const listed: Array<[string, string]> = [...granted, ['access-control-allow-headers', '*, Authorization']]
    expect(preflightFailures(204, h(listed), auth)).toEqual([])
  })

  it('fails unparsable lists, naming the bad element', () => {
    const lines: Array<[string, string]> = [
      ...granted,
      ['access-control-allow-methods', 'GET;PUT'],
      ['access-control-allow-headers', 'a b'],
    ]
    expect(preflightFailures(204, h(lines), req)).toEqual([
      { chrome: 'InvalidAllowMethodsPreflightResponse', hint: '', bad: 'GET;PUT' },
      { chrome: 'InvalidAllowHeadersPreflightResponse', hint: '', bad: 'a b' },
    ])
  })

  it('needs Access-Control-Allow-Private-Network: true for a private network preflight', () => {
    const pna = { ...req, method: 'GET', unsafeNames: [], headerNames: [], privateNetwork: true }
    expect(preflightFailures(204, h(granted), pna).map((x) => x.chrome)).toEqual([
      'PreflightMissingAllowPrivateNetwork',
    ])
    expect(
      preflightFailures(204, h([...granted, ['access-control-allow-private-network', 'TRUE']]), pna),
    ).toEqual([{ chrome: 'PreflightInvalidAllowPrivateNetwork', hint: 'TRUE' }])
    expect(
      preflightFailures(204, h([...granted, ['access-control-allow-private-network', 'true']]), pna),
    ).toEqual([])
  })
})

describe('readable response headers', () => {
  const lines: Array<[string, string]> = [
    ['content-type', 'application/json'],
    ['cache-control', 'no-store'],
    ['x-request-id', '1'],
    ['x-internal', '2'],
    ['set-cookie', 'a=b'],
  ]

  it('are the safelisted ones plus the exposed ones, never Set-Cookie', () => {
    const r = readableHeaders(
      h([...lines, ['access-control-expose-headers', 'X-Request-Id, X-Missing']]),
      false,
    )
    expect(r.exposed).toEqual(['cache-control', 'content-type', 'x-request-id'])
    expect(r.hidden).toEqual(['access-control-expose-headers', 'set-cookie', 'x-internal'])
    expect(r.listedAbsent).toEqual(['x-missing'])
  })

  it('are all but Set-Cookie for *, without credentials only', () => {
    const star: Array<[string, string]> = [...lines, ['access-control-expose-headers', '*']]
    expect(readableHeaders(h(star), false).hidden).toEqual(['set-cookie'])
    const withCredentials = readableHeaders(h(star), true)
    expect(withCredentials.exposed).toEqual(['cache-control', 'content-type'])
    expect(withCredentials.wildcardIgnored).toBe(true)
  })

  it('are only the safelisted ones when the list cannot be parsed', () => {
    const r = readableHeaders(
      h([...lines, ['access-control-expose-headers', 'x-request-id; x-internal']]),
      false,
    )
    expect(r.exposed).toEqual(['cache-control', 'content-type'])
    expect(r.unparsable).toBe(true)
  })
})

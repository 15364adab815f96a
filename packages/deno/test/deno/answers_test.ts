/**
 * Preflight answers given again, inside Deno, where their Responses are clones of one template
 * (core policy.ts, CLONES): a caller that changes one Response never changes the next.
 */
import { withCors } from '../../src/index.ts'

function same(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)]
  if (a !== e) throw new Error(`${what}: ${a}, expected ${e}`)
}

const handle = withCors(
  { origin: ['https://app.test'], credentials: true, allowedHeaders: ['content-type'] },
  () => new Response('ok'),
)
const preflight = (origin: string) =>
  new Request('http://api.test/', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    },
  })

for (const [name, origin, status] of [
  ['granted', 'https://app.test', 204],
  ['refused', 'https://evil.test', 403],
] as const) {
  Deno.test(`a ${name} preflight's Response is its own: what a caller changes is not on the next`, async () => {
    const first = await handle(preflight(origin), {} as Deno.ServeHandlerInfo)
    const before = [...first.headers]
    same(first.status, status, 'status')
    first.headers.set('access-control-allow-origin', '*')
    first.headers.append('vary', 'Cookie')
    for (let i = 0; i < 3; i++) {
      const next = await handle(preflight(origin), {} as Deno.ServeHandlerInfo)
      if (next === first) throw new Error('the same Response, handed out twice')
      same([...next.headers], before, 'headers')
      same(next.status, status, 'status')
    }
  })
}

/**
 * The built package inside a bare @edge-runtime/vm context, where Node's globals (process,
 * Buffer, require) do not exist: the CJS build is evaluated as a plain script there.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { EdgeVM } from '@edge-runtime/vm'
import { describe, expect, it } from 'vitest'

const dist = new URL('../dist/', import.meta.url)
/**
 * Every CommonJS file of the build, by name: the entries require their shared chunk
 * (`./chunk-*.cjs`), linked inside the VM by the few lines below, as a bundler would.
 */
const files = Object.fromEntries(
  readdirSync(dist)
    .filter((name) => name.endsWith('.cjs'))
    .map((name) => [`./${name}`, readFileSync(new URL(name, dist), 'utf8')]),
)
const link = `var defs = {${Object.entries(files)
  .map(([name, code]) => `${JSON.stringify(name)}: function (module, exports, require) {\n${code}\n}`)
  .join(',\n')}}; var cache = {};
function load(name) {
  if (cache[name]) return cache[name].exports
  var module = (cache[name] = { exports: {} })
  defs[name](module, module.exports, load)
  return module.exports
}`

describe('@corsica/core in a bare edge-runtime VM', () => {
  it('has no Node globals to lean on there', () => {
    const vm = new EdgeVM()
    expect(vm.evaluate('[typeof process, typeof Buffer, typeof require, typeof EdgeRuntime].join()')).toBe(
      'undefined,undefined,undefined,string',
    )
  })

  it('answers a preflight and an actual request', async () => {
    const vm = new EdgeVM()
    vm.evaluate(`${link}; var corsica = load('./index.cjs');`)
    const result = await vm.evaluate(`(async () => {
      const handler = corsica.createCors({ origin: ['https://app.test'], credentials: true, allowedHeaders: ['content-type'] })
        .wrap(() => new Response('ok'))
      const preflight = await handler(new Request('https://api.test/', { method: 'OPTIONS',
        headers: { origin: 'https://app.test', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'Content-Type' } }))
      const actual = await handler(new Request('https://api.test/', { headers: { origin: 'https://app.test' } }))
      const refused = await handler(new Request('https://api.test/', { headers: { origin: 'https://evil.test' } }))
      let error = null
      try { corsica.createCors({ origin: '*', credentials: true }) } catch (e) { error = e.name }
      return JSON.stringify({
        preflight: [preflight.status, preflight.headers.get('access-control-allow-headers')],
        actual: [actual.status, actual.headers.get('access-control-allow-origin'), actual.headers.get('vary')],
        refused: refused.headers.get('access-control-allow-origin'),
        error,
      })
    })()`)
    expect(JSON.parse(result)).toEqual({
      preflight: [204, 'content-type'],
      actual: [200, 'https://app.test', 'Origin'],
      refused: null,
      error: 'CorsConfigError',
    })
  })
})

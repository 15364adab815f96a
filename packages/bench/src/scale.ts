/**
 * @module `pnpm --filter @corsica/bench scale`: what an allowlist's size costs @corsica/core. The
 * same requests meet a policy of 4 entries and one of 20,004 (10,000 exact origins and 10,000
 * patterns more), timed side by side in one process, batch for batch in ABBA order; the figure is
 * the ratio of the two. Also the time `createCors` takes to compile the large list, and the heap
 * its policy holds per 10,000 entries. Run with --expose-gc (the script does).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type CorsOptions, type CorsPolicy, createCors } from '@corsica/core'
import { median } from './stats.js'

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rounds: { type: 'string', default: '20' },
    'batch-ms': { type: 'string', default: '20' },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string', default: fileURLToPath(new URL('../bench-results/', import.meta.url)) },
  },
})
const rounds = args.smoke ? 2 : Number(args.rounds)
const batchMs = args.smoke ? 1 : Number(args['batch-ms'])

/** The small policy: an exact origin, another, a subdomain pattern and a port pattern. */
const small = [
  'https://app.example.com',
  'https://admin.example.com',
  'https://*.customer.example',
  'http://localhost:*',
]

/**
 * The large policy: the small one's entries after 10,000 exact origins and 10,000 patterns. Last,
 * so that a matcher that tries entries in order meets them last: the worst case a hostile origin
 * can also reach, and no matter to a lookup that does not depend on the list's length.
 */
const N = 10_000
const large = [
  ...Array.from({ length: N }, (_, i) => `https://shop${i}.customers.example`),
  ...Array.from({ length: N }, (_, i) => `https://*.tenant${i}.example`),
  ...small,
]

/** The requests: each a GET from one origin, reused (the figure is the decision, not the Request). */
const requests = [
  { id: 'exact hit', origin: 'https://admin.example.com', granted: true },
  { id: 'deep pattern hit', origin: 'https://a.b.c.shop.customer.example', granted: true },
  { id: 'pattern miss (the apex)', origin: 'https://customer.example', granted: false },
  { id: 'unlisted origin', origin: 'https://evil.example', granted: false },
  { id: 'port pattern', origin: 'http://localhost:5173', granted: true },
]

const options = (origin: string[]): CorsOptions => ({ origin, credentials: true, methods: ['GET', 'PUT'] })

/** Where every result goes, so that no JIT can drop the work that made it. */
export let sink: unknown

/** Mean ns per call of `policy.actualHeaders(request)` over a batch of `n` calls. */
function batch(policy: CorsPolicy, request: Request, n: number): number {
  const start = performance.now()
  for (let i = 0; i < n; i++) sink = policy.actualHeaders(request)
  return ((performance.now() - start) * 1e6) / n
}

/** Calls that fill about `batchMs`, after warming up. */
function sizeFor(policy: CorsPolicy, request: Request): number {
  batch(policy, request, 64)
  let n = 16
  while (batch(policy, request, n) * n < batchMs * 1e6 * 0.5 && n < 1e8) n *= 2
  return n
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

/** Heap held by what `make` builds, in bytes (measured around a full collection). */
function heapOf(make: () => unknown): number {
  gc()
  const before = process.memoryUsage().heapUsed
  const kept = make()
  gc()
  const after = process.memoryUsage().heapUsed
  sink = kept
  return after - before
}

function compileMs(origin: string[]): number {
  const times: number[] = []
  for (let i = 0; i < (args.smoke ? 1 : 5); i++) {
    const start = performance.now()
    sink = createCors(options(origin))
    times.push(performance.now() - start)
  }
  return median(times)
}

const smallPolicy = createCors(options(small))
const largePolicy = createCors(options(large))
const rows = requests.map((r) => {
  const request = new Request('http://api.example.com/', { headers: { origin: r.origin } })
  const answers = [smallPolicy, largePolicy].map(
    (p) => 'access-control-allow-origin' in p.actualHeaders(request),
  )
  if (answers.some((granted) => granted !== r.granted))
    throw new Error(`${r.id}: granted ${answers.join('/')}, expected ${r.granted}`)
  const sizes = [sizeFor(smallPolicy, request), sizeFor(largePolicy, request)] as const
  const times: [number[], number[]] = [[], []]
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0] // ABBA
    for (const side of order)
      times[side]!.push(batch(side ? largePolicy : smallPolicy, request, sizes[side]!))
  }
  const [s, l] = times.map(median) as [number, number]
  return { request: r.id, origin: r.origin, smallNs: s, largeNs: l, ratio: l / s }
})

const compile = { smallMs: compileMs(small), largeMs: compileMs(large) }
const heap = {
  smallBytes: heapOf(() => createCors(options(small))),
  largeBytes: heapOf(() => createCors(options(large))),
}
const heapPer10k = ((heap.largeBytes - heap.smallBytes) / (large.length - small.length)) * 10_000

const format = (n: number) => (n >= 1e4 ? `${Math.round(n / 1e3)} us` : `${Math.round(n)} ns`)
const lines = [
  `@corsica/core, ${large.length.toLocaleString('en')} entries vs ${small.length}, Node ${process.version}, ${new Date().toISOString()}`,
  `rounds ${rounds}, batches of ~${batchMs} ms, policy.actualHeaders(request) on a reused GET`,
  '',
  '| request | 4 entries | 20,004 entries | ratio |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.request} (\`${r.origin}\`) | ${format(r.smallNs)} | ${format(r.largeNs)} | ${r.ratio.toFixed(2)}x |`,
  ),
  '',
  `compile (createCors): ${compile.smallMs.toFixed(2)} ms for 4 entries, ${compile.largeMs.toFixed(1)} ms for 20,004`,
  `heap held by the policy of 20,004 entries, less that of 4: ${((heap.largeBytes - heap.smallBytes) / 2 ** 20).toFixed(2)} MiB, ${(heapPer10k / 2 ** 20).toFixed(2)} MiB per 10,000 entries`,
]
console.log(lines.join('\n'))
await mkdir(args.out, { recursive: true })
const result = {
  date: new Date().toISOString(),
  node: process.version,
  rounds,
  batchMs,
  rows,
  compile,
  heap,
  heapPer10k,
}
await writeFile(new URL('scale-latest.json', `file://${args.out}/`), `${JSON.stringify(result, null, 2)}\n`)
await writeFile(new URL('scale-latest.md', `file://${args.out}/`), `${lines.join('\n')}\n`)

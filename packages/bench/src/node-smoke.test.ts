/**
 * A smoke run of the `node` suite (`pnpm bench:node`): tiny counts, no timing asserted. Every
 * server answers every scenario as the policy says (checked over HTTP first), and the run reports
 * every server on every scenario without an error.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeServer, nodeVariants } from './node-subjects.js'
import { allowedOrigins } from './policy.js'
import { scenarios } from './scenarios.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'corsica-node-bench-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))
const ordinary = scenarios.filter((s) => s.kind === 'ordinary')

describe('the node suite', () => {
  it.each(nodeVariants.filter((v) => !v.endsWith('bare')))(
    '%s grants and refuses as the policy says',
    async (variant) => {
      const server = await nodeServer(variant)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
        for (const s of ordinary) {
          const res = await fetch(url, { method: s.method, headers: s.headers })
          await res.arrayBuffer()
          const granted = s.id === 'get-allowed' || s.id === 'preflight-allowed'
          expect(res.headers.get('access-control-allow-origin'), `${variant} ${s.id}`).toBe(
            granted ? allowedOrigins[0] : null,
          )
        }
      } finally {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      }
    },
  )

  it('the in-process figure and the autocannon run (--smoke) measure every layer and server on every scenario', () => {
    // Only this suite's two entries, from the current source (the full build is the other smoke test's).
    const entries = ['src/node-bench.ts', 'src/node-server-child.ts', 'src/node-micro.ts']
    const flags = ['--no-config', '--format', 'esm', '--platform', 'node', '--target', 'es2022', '--silent']
    execFileSync('pnpm', ['exec', 'tsup', ...entries, ...flags], { cwd: packageDir, stdio: 'inherit' })
    execFileSync(process.execPath, ['dist/node-bench.js', '--smoke', '--out', out], {
      cwd: packageDir,
      stdio: ['ignore', 'ignore', 'ignore'],
      timeout: 120_000,
    })
    const micro = execFileSync(process.execPath, ['dist/node-micro.js', '--smoke'], {
      cwd: packageDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    })
    for (const layer of [
      'cors',
      '@corsica/node cors()',
      '@corsica/node withCors()',
      '@fastify/cors',
      '@corsica/fastify',
    ])
      expect(micro).toMatch(new RegExp(`^\\| ${layer.replace(/[()]/g, '\\$&')} \\|`, 'm'))
    const report = JSON.parse(readFileSync(join(out, 'node-latest.json'), 'utf8'))
    expect(report.results.map((r: { variant: string }) => r.variant)).toEqual([...nodeVariants])
    for (const r of report.results)
      for (const s of ordinary) {
        expect(r.scenarios[s.id].errors, `${r.variant} ${s.id}`).toBe(0)
        expect(r.scenarios[s.id].rps).toBeGreaterThan(0)
      }
  })
})

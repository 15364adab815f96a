/**
 * JSR readiness of @corsica/deno (deno.json) and @corsica/core (jsr.json), checked by the real
 * Deno binary: `deno publish --dry-run` (slow-types check, license, exports, the file list) runs
 * offline. The JSR manifest and package.json must agree.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { packageDir, runDeno } from './deno-process.ts'

const json = (path: string) => JSON.parse(readFileSync(join(packageDir, path), 'utf8'))
const coreDir = join(packageDir, '../core')

it('deno publish --dry-run accepts the package and ships only the source', async () => {
  const run = await runDeno(['publish', '--dry-run', '--allow-dirty', `--config=${packageDir}/deno.json`], {
    timeoutMs: 60_000,
  })
  const output = `${run.stdout}\n${run.stderr}`
  expect(run.code, output).toBe(0)
  expect(output).toContain('Success Dry run complete')
  expect(output).toContain('src/index.ts')
  expect(output).toContain('LICENSE')
  expect(output).not.toMatch(/warning|error\[/i) // slow types are reported as warning[…] or error[…]
  expect(output).not.toMatch(/_test\.ts|\.test\.ts|fixtures/)
})

it('deno.json names, versions and maps the core as package.json does', () => {
  const deno = json('deno.json')
  const pkg = json('package.json')
  const core = JSON.parse(readFileSync(join(packageDir, '../core/package.json'), 'utf8'))
  expect(deno.name).toBe(pkg.name)
  expect(deno.version).toBe(pkg.version)
  expect(deno.license).toBe(pkg.license)
  expect(deno.exports).toBe('./src/index.ts')
  // The same specifier works in the repo (resolved from node_modules, nodeModulesDir "manual")
  // and on JSR (an npm dependency); it must cover the core's current version.
  expect(deno.imports['@corsica/core']).toBe(`npm:@corsica/core@^${core.version}`)
})

it('deno publish --dry-run accepts @corsica/core from its jsr.json, with no slow types', async () => {
  const run = await runDeno(['publish', '--dry-run', '--allow-dirty', `--config=${coreDir}/jsr.json`], {
    timeoutMs: 60_000,
  })
  const output = `${run.stdout}\n${run.stderr}`
  expect(run.code, output).toBe(0)
  expect(output).toContain('Simulating publish of @corsica/core@')
  expect(output).toContain('Success Dry run complete')
  expect(output).toContain('src/index.ts')
  expect(output).toContain('LICENSE')
  expect(output).not.toMatch(/warning|error\[/i) // slow types are reported as warning[…] or error[…]
  expect(output).not.toMatch(/\.test\.ts|\.node-test\.ts/)
})

it("the core's jsr.json names, versions and licenses it as package.json does", () => {
  const jsr = json('../core/jsr.json')
  const pkg = json('../core/package.json')
  expect([jsr.name, jsr.version, jsr.license]).toEqual([pkg.name, pkg.version, pkg.license])
  expect(jsr.exports).toBe('./src/index.ts')
})

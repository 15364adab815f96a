/**
 * JSR readiness of @corsica/deno (deno.json) and @corsica/core (jsr.json), checked by the real
 * Deno binary: `deno publish --dry-run` (slow-types check, license, exports, the file list) runs
 * offline. The JSR manifest and package.json must agree.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageDir, runDeno } from './deno-process.ts'

const json = (path: string) => JSON.parse(readFileSync(join(packageDir, path), 'utf8'))

describe.each([
  { name: '@corsica/deno', manifest: 'deno.json' },
  { name: '@corsica/core', manifest: '../core/jsr.json' },
])('$name on JSR ($manifest)', ({ name, manifest }) => {
  it('passes deno publish --dry-run with no slow types, shipping the source and LICENSE only', async () => {
    const run = await runDeno(
      ['publish', '--dry-run', '--allow-dirty', `--config=${join(packageDir, manifest)}`],
      {
        timeoutMs: 60_000,
      },
    )
    const output = `${run.stdout}\n${run.stderr}`
    expect(run.code, output).toBe(0)
    expect(output).toContain(`Simulating publish of ${name}@`)
    expect(output).toContain('Success Dry run complete')
    expect(output).toContain('src/index.ts')
    expect(output).toContain('LICENSE')
    expect(output).not.toMatch(/warning|error\[/i) // slow types are reported as warning[…] or error[…]
    expect(output).not.toMatch(/_test\.ts|\.test\.ts|\.node-test\.ts|fixtures/)
  })

  it('is named, versioned and licensed as in package.json', () => {
    const jsr = json(manifest)
    const pkg = json(join(manifest, '../package.json'))
    expect([jsr.name, jsr.version, jsr.license]).toEqual([pkg.name, pkg.version, pkg.license])
    // The core has a second entry, ./lite (the same without subdomain patterns).
    const main = typeof jsr.exports === 'string' ? jsr.exports : jsr.exports['.']
    expect(main).toBe('./src/index.ts')
  })
})

it("deno.json maps the core to the npm package at the core's version", () => {
  // The same specifier works in the repo (resolved from node_modules, nodeModulesDir "manual")
  // and on JSR (an npm dependency); it must cover the core's current version.
  expect(json('deno.json').imports['@corsica/core']).toBe(
    `npm:@corsica/core@^${json('../core/package.json').version}`,
  )
})

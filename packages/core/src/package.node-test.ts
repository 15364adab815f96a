/** The published shape: Node can import and require it, and it uses web-standard globals only. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const node = (...args: string[]) =>
  execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim()

describe('@corsica/core as published', () => {
  it('can be required (CJS) and imported (ESM) by its name', () => {
    expect(node('-e', "console.log(typeof require('@corsica/core').createCors)")).toBe('function')
    expect(
      node('--input-type=module', '-e', "console.log(typeof (await import('@corsica/core')).createCors)"),
    ).toBe('function')
  })

  it('has no runtime dependencies and uses no Node-only globals or modules', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'))
    expect(pkg.dependencies ?? {}).toEqual({})
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const code = readFileSync(`${root}/${file}`, 'utf8')
      expect(code).not.toMatch(/\bfrom\s+['"]node:|require\(['"]|\bprocess\.|\bBuffer\b|\b__dirname\b/)
    }
  })
})

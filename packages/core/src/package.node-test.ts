/** The published shape: Node can import and require it, and it uses web-standard globals only. */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
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

  it('has a lite entry, sharing its classes with the full one (CJS and ESM)', () => {
    const same = 'a.CorsConfigError === b.CorsConfigError && typeof b.createCors'
    expect(
      node(
        '-e',
        `const a = require('@corsica/core'), b = require('@corsica/core/lite'); console.log(${same})`,
      ),
    ).toBe('function')
    expect(
      node(
        '--input-type=module',
        '-e',
        `const a = await import('@corsica/core'), b = await import('@corsica/core/lite'); console.log(${same})`,
      ),
    ).toBe('function')
  })

  it('has no runtime dependencies and uses no Node-only globals or modules', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'))
    expect(pkg.dependencies ?? {}).toEqual({})
    const code = readdirSync(`${root}/dist`).filter((f) => /\.c?js$/.test(f))
    expect(code).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'lite.js', 'lite.cjs']))
    for (const file of code) {
      const code = readFileSync(`${root}/dist/${file}`, 'utf8')
      // Only its own chunks are required (the CommonJS entries share one copy of the code).
      expect(code).not.toMatch(
        /\bfrom\s+['"]node:|require\(['"](?!\.\/chunk-)|\bprocess\.|\bBuffer\b|\b__dirname\b/,
      )
    }
  })
})

/** What a bundler makes of `@corsica/core/lite`: the Public Suffix List is not in the bundle. */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

/** A Worker importing `createCors` from `file`, bundled and minified as wrangler would. */
async function bundle(file: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { createCors } from ${JSON.stringify(fileURLToPath(new URL(file, import.meta.url)))}
export default { fetch: createCors({ origin: ['https://app.example.com'] }).wrap(() => new Response('ok')) }`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
  })
  return result.outputFiles[0]!.text
}

describe('@corsica/core/lite in a bundle', () => {
  it('holds no Public Suffix List; the full entry does', async () => {
    // Rules of the list's ICANN and private sections, as the encoded tree spells them.
    const rules = /blogspot|github|herokuapp/
    expect(await bundle('./lite.ts')).not.toMatch(rules)
    expect(await bundle('./index.ts')).toMatch(rules)
  })
})

/**
 * @corsica/sveltekit, @corsica/astro and @corsica/react-router from their tarballs (ESM and CJS),
 * each called in its framework's own shape. The frameworks' builds and servers are not run here:
 * packages/<adapter>/test builds and serves each one and runs the shared table through it.
 */
import { join } from 'node:path'
import { describe, inject, it } from 'vitest'
import { type Answers, expectCors, REQUESTS } from './cors.ts'
import { run } from './process.ts'

const app = inject('app')

describe.each(['frameworks.mjs', 'frameworks.cjs'])('the framework adapters in Node, %s', (file) => {
  it('each answers a preflight and an actual request', async () => {
    const { stdout } = await run(process.execPath, [join(app, file), JSON.stringify(REQUESTS)], {
      cwd: app,
      timeoutMs: 30_000,
    })
    const answers = JSON.parse(stdout) as Record<string, Answers>
    for (const adapter of ['sveltekit', 'astro', 'react-router']) expectCors(answers[adapter]!)
  })
})

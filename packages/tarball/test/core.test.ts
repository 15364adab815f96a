/** @corsica/core from the tarball: ESM `import` and CommonJS `require` in Node. */
import { join } from 'node:path'
import { describe, inject, it } from 'vitest'
import { type Answers, expectCors, REQUESTS } from './cors.ts'
import { run } from './process.ts'

const app = inject('app')

describe.each(['core.mjs', 'core.cjs', 'core-lite.mjs', 'core-lite.cjs'])(
  '@corsica/core in Node, %s',
  (file) => {
    it('answers a preflight and an actual request', async () => {
      // stdout only: the policy's default refusal log writes `[corsica]` lines to stderr.
      const { stdout } = await run(process.execPath, [join(app, file), JSON.stringify(REQUESTS)], {
        cwd: app,
        timeoutMs: 30_000,
      })
      expectCors(JSON.parse(stdout) as Answers)
    })
  },
)

/**
 * @corsica/cloudflare from the tarball, in workerd: worker.mjs bundled by esbuild from the
 * project's node_modules (as wrangler does), run by Miniflare, reached over a real socket.
 */
import { join } from 'node:path'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { expectCors, sendAll } from './cors.ts'

const app = inject('app')

describe.each(['worker.mjs', 'worker-lite.mjs'])('@corsica/cloudflare in workerd, %s', (file) => {
  let mf: Miniflare
  let url: URL

  beforeAll(async () => {
    const bundle = await build({
      absWorkingDir: app,
      entryPoints: [join(app, file)],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['workerd', 'worker'],
      write: false,
    })
    mf = new Miniflare({
      modules: true,
      script: bundle.outputFiles[0]!.text,
      compatibilityDate: '2026-04-01',
      host: '127.0.0.1',
      port: 0,
    })
    url = await mf.ready
  })
  afterAll(() => mf?.dispose())

  it('answers a preflight and an actual request', async () => {
    expectCors(await sendAll(new URL('/api/items', url).href))
  })
})

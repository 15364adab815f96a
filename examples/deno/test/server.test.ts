/**
 * The example, for real: src/main.ts runs in the Deno binary from npm (type-checked with
 * --check) on 127.0.0.1, port 0, in its own process group; undici talks to it over a socket. The
 * table is what every server example promises (@corsica/testkit/server-example); the policy also
 * logs why it refuses.
 */
import { fileURLToPath } from 'node:url'
import { checkExampleCase, notesApi, serverExampleCases } from '@corsica/testkit/server-example'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DenoServer, serveScript } from '../../../packages/deno/test/deno-process.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
let server: DenoServer

beforeAll(async () => {
  server = await serveScript(here('../src/main.ts'), {
    config: here('../deno.json'),
    allowEnv: ['PORT', 'HOSTNAME'],
  })
})

afterAll(() => server?.stop())

const cases = serverExampleCases(notesApi)

describe('example-deno on Deno.serve', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    // The policy's onRefuse (src/policy.ts) logs each refusal with its code.
    expect(await checkExampleCase(c, server.origin, server.output)).toEqual([])
  })
})

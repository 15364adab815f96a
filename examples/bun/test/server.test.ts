/**
 * The example, for real: src/main.ts runs in the Bun binary from npm on 127.0.0.1, port 0, in its
 * own process group; undici talks to it over a socket. The table is what every server example
 * promises (@corsica/testkit/server-example); the policy also logs why it refuses.
 */
import { fileURLToPath } from 'node:url'
import { checkExampleCase, notesApi, serverExampleCases } from '@corsica/testkit/server-example'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BunServer, startBunServer } from './bun-process.ts'

let server: BunServer

beforeAll(async () => {
  server = await startBunServer(fileURLToPath(new URL('../src/main.ts', import.meta.url)))
})

afterAll(() => server?.stop())

const cases = serverExampleCases(notesApi)

describe('example-bun on Bun.serve', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    // The policy's onRefuse (src/policy.ts) logs each refusal with its code.
    expect(await checkExampleCase(c, server.origin, server.output)).toEqual([])
  })
})

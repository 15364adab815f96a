/** The example app on a real socket (127.0.0.1, a free port), sent what a browser sends. */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { checkExampleCase, serverExampleCases } from '@corsica/testkit/server-example'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'

let base: string
let stop: () => Promise<void>

beforeAll(async () => {
  const server = createApp().listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  stop = () => new Promise((resolve) => server.close(() => resolve()))
})
afterAll(() => stop())

const cases = serverExampleCases({
  read: { path: '/api/notes', from: 'https://app.example.com', body: [{ id: 1, text: 'hello' }] },
  // A preview deployment: the pattern https://*.preview.example.com matches it.
  alsoFrom: ['https://pr-42.preview.example.com'],
  echoesRequestId: true,
  write: { path: '/api/notes', body: { id: 2, text: 'hi' } },
  broken: { path: '/api/broken', body: { error: 'database down' } },
  csrf: true,
})

describe('example: Express 5 + @corsica/node', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await checkExampleCase(c, base)).toEqual([])
  })
})

/**
 * The CORS contract of the example API: the calls its front ends make must be allowed, and a
 * stranger's must be blocked. The doctor runs each against the app in-process (no server, no
 * socket); a broken contract fails with the doctor's report.
 */
import { expectCorsAllowed, expectCorsBlocked } from '@corsica/doctor'
import { describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'

const app = createApp()
const api = 'http://api.example.test/api/notes'
const front = { origin: 'https://app.example.com', handler: app.fetch, credentials: true }

describe('the front end may call the notes API', () => {
  it('reads the notes, with cookies, and sees x-request-id', async () => {
    const d = await expectCorsAllowed({ ...front, url: api })
    expect(d.exposedHeaders).toContain('x-request-id')
  })

  it('adds a note as JSON', async () => {
    await expectCorsAllowed({
      ...front,
      url: api,
      method: 'POST',
      headers: ['Content-Type: application/json', 'X-Request-Id: r-1'],
      body: '{"text":"call mum"}',
    })
  })

  it('clears the notes', async () => {
    await expectCorsAllowed({ ...front, url: api, method: 'DELETE' })
  })
})

describe('what must stay blocked', () => {
  it('a page on another origin cannot read the notes', async () => {
    await expectCorsBlocked({ ...front, url: api, origin: 'https://evil.example' })
  })

  it('a header the API does not allow is refused, and the doctor says which', async () => {
    const d = await expectCorsBlocked({ ...front, url: api, method: 'POST', headers: ['X-Api-Key: k'] })
    expect(d.problems[0]!.fix).toContain("add 'x-api-key' to allowedHeaders")
  })
})

/** Contract helpers: a broken expectation throws with the doctor's report as its message. */
import { createCors } from '@corsica/core'
import { describe, expect, it } from 'vitest'
import { CorsContractError, expectCorsAllowed, expectCorsBlocked } from './contract'

const handler = createCors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] }).wrap(
  () => new Response('{}'),
)
const call = { url: 'https://api.example.com/items', origin: 'https://app.example.com', handler }

describe('expectCorsAllowed and expectCorsBlocked', () => {
  it('resolve to the diagnosis when the contract holds', async () => {
    expect((await expectCorsAllowed(call)).allowed).toBe(true)
    expect((await expectCorsBlocked({ ...call, origin: 'https://evil.example' })).allowed).toBe(false)
  })

  it('fail with the report when a call the page makes is blocked', async () => {
    const error = await expectCorsAllowed({ ...call, method: 'POST', headers: ['X-Api-Key: k'] }).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(CorsContractError)
    expect(error.message).toMatch(
      /^expected the browser to allow this call, but it blocks it:\n\ncorsica doctor {2}POST/,
    )
    expect(error.message).toContain('✗ Blocked: 1 problem')
    expect(error.message).toContain("add 'x-api-key' to allowedHeaders")
    expect(error.diagnosis.allowed).toBe(false)
  })

  it('fail with the report when a call that must be blocked is allowed', async () => {
    const error = await expectCorsBlocked(call).catch((e) => e)
    expect(error).toBeInstanceOf(CorsContractError)
    expect(error.message).toContain('✓ Allowed')
  })
})

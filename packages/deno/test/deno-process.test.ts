/** The harness itself: a Deno that hangs is killed at its time bound, its whole group with it. */
import { expect, it } from 'vitest'
import { groupAlive, runDeno } from './deno-process.ts'

it('kills a hung deno at the time bound and leaves no process behind', async () => {
  const run = await runDeno(['eval', 'console.log(Deno.pid); setInterval(() => {}, 1000)'], {
    timeoutMs: 1500,
  })
  const pid = Number(run.stdout.trim())
  expect(run.timedOut).toBe(true)
  expect(run.signal).toBe('SIGKILL')
  expect(pid).toBeGreaterThan(0)
  expect(groupAlive(pid)).toBe(false)
})

/**
 * `pnpm demo` as a person runs it: it prints where to look, stops cleanly on Ctrl-C (SIGINT),
 * and says clearly when a port is taken.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type Served, serve } from '@corsica/demo'
import { startChild } from '@corsica/testkit/process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const DEMO = fileURLToPath(new URL('../../../examples/demo/', import.meta.url))
const MAIN = ['--import', 'tsx', 'src/main.ts']

describe('the demo command', () => {
  it('prints the page URL, answers, and stops cleanly on SIGINT', async () => {
    const { child, match } = await startChild(process.execPath, [...MAIN, '--app-port=0', '--api-port=0'], {
      cwd: DEMO,
      env: { OTHER_PORT: '0' },
      ready: /Open (http:\/\/app\.demo\.localhost:(\d+))\/[\s\S]*Ctrl-C/,
    })
    try {
      const page = await fetch(`http://127.0.0.1:${match[2]}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Corsica demo')
      const exit = new Promise<number | null>((resolve) =>
        child.process.once('exit', (code) => resolve(code)),
      )
      child.process.kill('SIGINT')
      expect(await exit).toBe(0)
      expect(child.output()).toContain('Stopped.')
    } finally {
      await child.stop()
    }
  })

  describe('when a port is taken', () => {
    let squatter: Served
    beforeAll(async () => {
      squatter = await serve(() => new Response('taken'), { port: 0 })
    })
    afterAll(() => squatter?.close())

    it('says which port, and how to choose another', async () => {
      const run = promisify(execFile)(process.execPath, [...MAIN, '--app-port=0', '--other-port=0'], {
        cwd: DEMO,
        env: { ...process.env, API_PORT: String(squatter.port) },
        timeout: 30_000,
      })
      const failure = await run.then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      )
      expect(failure?.code).toBe(1)
      expect(failure?.stderr).toContain(
        `Port ${squatter.port} (API) is already in use. Choose another with --api-port or API_PORT.`,
      )
    })
  })
})

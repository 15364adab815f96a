/**
 * A bad policy must stop the app before it takes traffic. The bad-config variant is the example
 * with test/bad-config/lib/cors-options.ts (`origin: '*', credentials: true`): next.config.ts
 * creates the CORS layer, so Next's own loading of its config throws the CorsConfigError.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { runNext, stage } from './next-app.mjs'

const PROBLEM = "origin: '*' cannot be used with credentials: true"
let dir: string

beforeAll(() => {
  dir = stage('bad-config')
})

describe('a bad CORS configuration', () => {
  test('fails `next build` with the CorsConfigError, before anything is built', {
    timeout: 120_000,
  }, async () => {
    const { code, output } = await runNext(dir, ['build'])
    expect(code).toBe(1)
    expect(output).toContain('Build error occurred')
    expect(output).toMatch(/CorsConfigError\b.*1 problem in CORS options/)
    expect(output).toContain(PROBLEM)
    expect(output).toContain("Fix: list the origins, e.g. origin: ['https://app.example.com']")
    expect(output).not.toContain('Compiled successfully')
  })

  // `next dev` and `next start` print "Ready" when the port is bound, then load next.config.ts
  // before they answer anything: the error ends the process with status 1.
  for (const command of ['dev', 'start']) {
    test(`ends \`next ${command}\` with status 1 and the CorsConfigError`, { timeout: 60_000 }, async () => {
      const { code, output } = await runNext(dir, [command, '-H', '127.0.0.1', '-p', '0'], {
        timeoutMs: 50_000,
      })
      expect(code).toBe(1)
      expect(output).toMatch(/CorsConfigError\b.*1 problem in CORS options/)
      expect(output).toContain(PROBLEM)
      // `next start` fails on the configuration, not on the missing build.
      expect(output).not.toContain('Could not find a production build')
    })
  }
})

import { defineProject } from 'vitest/config'

// The launcher's own tests: each starts a real browser, so long timeouts.
export default defineProject({
  test: {
    name: 'testkit',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})

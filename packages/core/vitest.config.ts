import { defineConfig } from 'vitest/config'

// The core suite in Node, plus the checks of the published shape that need Node.
// vitest.edge.config.ts runs the same suite inside the edge runtime.
export default defineConfig({
  test: {
    name: 'core (node)',
    include: ['src/**/*.test.ts', 'src/**/*.node-test.ts'],
    environment: 'node',
    // Property tests run thousands of cases: room for a loaded machine (no test asserts time).
    testTimeout: 60_000,
  },
})

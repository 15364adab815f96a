import { defineConfig } from 'vitest/config'

// Only the Node-side tests: they drive the real Bun binary. The Bun test files live in test/bun/
// and are named `*_test.ts`, so this include cannot collect them.
export default defineConfig({
  test: {
    name: 'example-bun',
    include: ['test/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 80_000,
  },
})

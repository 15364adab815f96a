import { defineConfig } from 'vitest/config'

// Only the Node-side tests: they drive the real Deno binary. The Deno test files live in
// test/deno/ and are named `*_test.ts`, so this include cannot collect them.
export default defineConfig({
  test: {
    name: 'deno',
    include: ['test/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})

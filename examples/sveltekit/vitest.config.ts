import { defineProject } from 'vitest/config'

// test/global-setup.ts builds the app with `vite build` (once per change of its inputs) and
// serves it with adapter-node's `node build`, as the README says; the tests send real HTTP.
export default defineProject({
  test: {
    name: 'example-sveltekit',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
})

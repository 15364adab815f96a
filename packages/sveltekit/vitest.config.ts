import { defineProject } from 'vitest/config'

// test/global-setup.ts builds test/app with `vite build` (once per change of its inputs) and
// serves it with adapter-node's `node build`; the tests send real HTTP requests to it.
export default defineProject({
  test: {
    name: 'sveltekit',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
})

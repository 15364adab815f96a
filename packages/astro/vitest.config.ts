import { defineProject } from 'vitest/config'

// test/global-setup.ts builds test/app with `astro build` (once per change of its inputs) and
// serves it with @astrojs/node's `node dist/server/entry.mjs`; the tests send real HTTP requests to it.
export default defineProject({
  test: {
    name: 'astro',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
})

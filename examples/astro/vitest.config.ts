import { defineProject } from 'vitest/config'

// test/global-setup.ts builds the app with `astro build` (once per change of its inputs) and
// serves it with @astrojs/node's `node dist/server/entry.mjs`, as the README says; the tests send real HTTP.
export default defineProject({
  test: {
    name: 'example-astro',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
})

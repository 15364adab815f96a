import { defineProject } from 'vitest/config'

// test/global-setup.ts builds test/app with `react-router build` (once per change of its inputs) and
// serves it with `react-router-serve`; the tests send real HTTP requests to it.
export default defineProject({
  test: {
    name: 'react-router',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
})

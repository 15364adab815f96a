import { defineProject } from 'vitest/config'

// test/global-setup.ts builds the app with `react-router build` (once per change of its inputs) and
// serves it with `react-router-serve`, as the README says; the tests send real HTTP.
export default defineProject({
  test: {
    name: 'example-react-router',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
})

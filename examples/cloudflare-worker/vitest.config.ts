import { defineProject } from 'vitest/config'

// The worker runs in workerd (started by `pnpm start`); the tests talk to it from Node.
export default defineProject({
  test: {
    name: 'example cloudflare-worker',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
})

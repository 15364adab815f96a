import { defineProject } from 'vitest/config'

// Node drives the real Bun binary (`bun run src/main.ts`, as the README says) over 127.0.0.1.
export default defineProject({
  test: {
    name: 'example elysia',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
})

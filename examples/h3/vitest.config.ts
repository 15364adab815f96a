import { defineProject } from 'vitest/config'

// `pnpm start` (node with tsx, h3's serve) as the README runs it, over 127.0.0.1.
export default defineProject({
  test: {
    name: 'example h3',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
})

import { defineProject } from 'vitest/config'

// Node drives the real Bun binary: test/servers.ts runs every app once per run (globalSetup),
// undici talks to them over 127.0.0.1.
export default defineProject({
  test: {
    name: 'elysia',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 60_000,
  },
})

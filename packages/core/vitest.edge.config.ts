import { defineConfig } from 'vitest/config'

// The core suite again, inside the edge runtime (@edge-runtime/vm): web-standard globals only.
export default defineConfig({
  test: {
    name: 'core (edge-runtime)',
    include: ['src/**/*.test.ts'],
    environment: 'edge-runtime',
    testTimeout: 60_000,
  },
})

import { defineConfig } from 'vitest/config'

// Real browsers, real runtimes and a real cache: slow starts, so long timeouts, and one file
// at a time (two cores; each file starts its own Chromium and servers).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})

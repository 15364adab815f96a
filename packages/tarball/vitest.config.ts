import { defineConfig } from 'vitest/config'

// The tarballs in a fresh npm project: one install (global setup), then each runtime in its own
// file. Installing and `next build` are slow, hence the long hook timeout.
export default defineConfig({
  test: {
    name: 'tarball',
    include: ['test/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
})

import { defineConfig } from 'vitest/config'

// The tests build the app twice (proxy.ts on Node, middleware.ts on the edge runtime), start
// both with `next start` on 127.0.0.1 and send real HTTP requests with undici.
export default defineConfig({
  test: {
    name: 'example-next',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
})

import { defineConfig } from 'vitest/config'

// Only a smoke run of the benchmark (tiny counts, no timing asserted) and its statistics helpers:
// the benchmark itself is `pnpm bench`.
export default defineConfig({
  test: { name: 'bench', include: ['src/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
})

import { defineProject } from 'vitest/config'

// Real servers on 127.0.0.1:0, real Chromium for a subset: give each test room.
export default defineProject({
  test: {
    name: 'doctor',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})

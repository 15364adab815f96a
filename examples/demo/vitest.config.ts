import { defineProject } from 'vitest/config'

// The demo's own units (the journal); the demo in real browsers is tested in packages/e2e.
export default defineProject({
  test: { name: 'demo', include: ['src/**/*.test.ts'], environment: 'node' },
})

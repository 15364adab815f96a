import { defineProject } from 'vitest/config'

// The apps run on h3's own `serve` (srvx's Node server) over 127.0.0.1, one per case, started
// once per file; undici talks to them. The built-and-run example is examples/h3.
export default defineProject({
  test: { name: 'h3', include: ['src/**/*.test.ts'], environment: 'node', hookTimeout: 60_000 },
})

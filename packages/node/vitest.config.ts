import { defineProject } from 'vitest/config'

// Express 4 and 5, Connect and node:http over real sockets on 127.0.0.1.
export default defineProject({
  test: { name: 'node', include: ['src/**/*.test.ts'], environment: 'node' },
})

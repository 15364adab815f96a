import { defineProject } from 'vitest/config'

// Node: the table in-process (app.request) and over a real @hono/node-server socket.
// The workerd run is vitest.workerd.config.ts (one pool per project).
export default defineProject({
  test: { name: 'hono (node)', include: ['src/**/*.test.ts'], environment: 'node' },
})

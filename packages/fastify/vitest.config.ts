import { defineProject } from 'vitest/config'

// Fastify 5 over real sockets on 127.0.0.1.
export default defineProject({
  test: { name: 'fastify', include: ['src/**/*.test.ts'], environment: 'node' },
})

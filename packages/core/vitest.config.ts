import { defineConfig } from 'vitest/config'

// The core suite runs twice: in Node, and inside the edge runtime (@edge-runtime/vm), where only
// web-standard globals exist. The package-shape check needs Node and runs there only.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core (node)',
          include: ['src/**/*.test.ts', 'src/**/*.node-test.ts'],
          environment: 'node',
        },
      },
      { test: { name: 'core (edge-runtime)', include: ['src/**/*.test.ts'], environment: 'edge-runtime' } },
    ],
  },
})

import { defineConfig } from 'vitest/config'

// The adapter's unit tests run inside the edge runtime (@edge-runtime/vm), where only
// web-standard globals exist, with Next's real NextRequest and NextResponse. The tests against
// a real `next start` (proxy.ts on Node, middleware.ts on edge) live in examples/next.
export default defineConfig({
  test: { name: 'next', include: ['src/**/*.test.ts'], environment: 'edge-runtime' },
})

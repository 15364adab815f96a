import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineProject } from 'vitest/config'

// The table through Hono apps inside workerd, the runtime Cloudflare deploys to.
export default defineProject({
  plugins: [cloudflareTest({ miniflare: { compatibilityDate: '2026-04-01' } })],
  test: { name: 'hono (workerd)', include: ['test/workerd/**/*.test.ts'] },
})

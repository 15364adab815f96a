import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineProject } from 'vitest/config'

// The table through Hono apps inside workerd, the runtime Cloudflare deploys to.
export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate: '2026-04-01',
        bindings: { ALLOWED_ORIGINS: 'https://app.test https://admin.app.test' },
      },
    }),
  ],
  test: { name: 'hono (workerd)', include: ['test/workerd/**/*.test.ts'] },
})

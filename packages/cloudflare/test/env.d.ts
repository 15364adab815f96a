// The bindings the tests get from 'cloudflare:workers' (as `wrangler types` would write them).
import type { Env as FixtureEnv } from './fixtures/worker.ts'

declare global {
  namespace Cloudflare {
    interface Env extends FixtureEnv {
      /** The fixture worker, through a service binding. `scheduled()` is untyped in workers-types. */
      CORS_WORKER: Fetcher & {
        scheduled(options?: {
          cron?: string
          scheduledTime?: Date
        }): Promise<{ outcome: string; noRetry: boolean }>
      }
    }
  }
}

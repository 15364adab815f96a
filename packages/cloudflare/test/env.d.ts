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
      ENV_WORKER: Fetcher
      BAD_ENV_WORKER: Fetcher
      CLASS_WORKER: Fetcher
      WEBSOCKET_WORKER: Fetcher
      RECIPE_ENV: Fetcher
      RECIPE_KV: Fetcher
      RECIPE_ROUTES: Fetcher
      RECIPE_HONO_ENV: Fetcher
      RECIPE_HONO_WEBSOCKET: Fetcher
      RECIPE_ORIGINS: KVNamespace
    }
  }
}

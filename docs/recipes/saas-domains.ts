/**
 * Recipe: a SaaS whose customers call the API from their own domains, thousands of them, added
 * and removed while the server runs. The domains live in your database; the origin function
 * looks the Origin up in a Set (one hash lookup, whatever the count) that is reloaded in the
 * background, so no request waits for the database. Every customer's subdomain of the product
 * is allowed by a pattern. Corsica asks the function only about well-formed origins.
 */
import { createCors } from '@corsica/core'

/** Where the customers' origins come from, e.g. `SELECT origin FROM custom_domains WHERE verified`. */
export type LoadOrigins = () => Promise<Iterable<string>>

const SUBDOMAIN = /^https:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.myapp\.example$/

/** `refreshMs` bounds how long a removed domain keeps access. */
export async function createTenantCors(loadOrigins: LoadOrigins, refreshMs = 30_000) {
  let allowed = new Set(await loadOrigins())
  const reload = async () => {
    try {
      allowed = new Set(await loadOrigins())
    } catch (error) {
      console.error('[tenants] could not reload the custom domains; keeping the last list', error)
    }
  }
  const timer = setInterval(reload, refreshMs)
  timer.unref?.()
  const cors = createCors({
    origin: (origin) => SUBDOMAIN.test(origin) || allowed.has(origin),
    credentials: true,
    csrf: true,
  })
  return { cors, reload, stop: () => clearInterval(timer) }
}

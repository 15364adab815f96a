/**
 * The shared table through the `/lite` entries (`@corsica/core/lite` and the adapters' `/lite`),
 * which take everything but subdomain patterns: a case with one must instead be refused at
 * start-up, with the fix that names the full entry.
 */
import type { CorsOptions } from '@corsica/core'
import { type Case, cases } from './cases.ts'

/** Whether the options list a subdomain pattern (`https://*.example.com`), which /lite refuses. */
export function hasSubdomainPattern(options: CorsOptions): boolean {
  const origin = options.origin
  const list = Array.isArray(origin) ? origin : [origin]
  return list.some((entry) => typeof entry === 'string' && entry.includes('://*.'))
}

/** The cases a /lite entry runs as the full entry does. */
export const liteCases: Case[] = cases.filter((c) => !hasSubdomainPattern(c.options))

/** The cases a /lite entry must refuse at start-up (they configure a subdomain pattern). */
export const liteRefusedCases: Case[] = cases.filter((c) => hasSubdomainPattern(c.options))

/** What the CorsConfigError of a /lite entry says about a subdomain pattern (its fix names the full entry). */
export const LITE_REFUSAL =
  /is a subdomain pattern, which the lite entry does not take[\s\S]*Fix: use the full entry '@corsica\/core'/

import type { CorsOptions } from '@corsica/next'

/**
 * The mistake a new user makes (for the bad-config test): a wildcard with cookies, which
 * browsers refuse. The tests build the app with this file in place of lib/cors-options.ts and
 * expect `next build` (and `next dev`) to stop with the CorsConfigError.
 */
export const corsOptions: CorsOptions = { origin: '*', credentials: true }

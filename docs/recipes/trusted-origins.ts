/**
 * Recipe: one list of trusted origins for every check the app has. Corsica's policy is made from
 * it, and the lists other frameworks keep for their own CSRF checks are computed from it once,
 * at start-up, so no two lists can drift apart. Per request, `cors.trusts(origin)` answers the
 * same question anywhere a check takes a function (a WebSocket route, socket.io's allowRequest:
 * see socketio-allow-request.ts). Run by docs/recipes tests.
 */
import { createCors } from '@corsica/core'

/** Every front end that may call the app with the user's cookies. */
export const TRUSTED = [
  'https://app.example.com',
  'https://admin.example.com',
  'https://*.preview.example.com',
]

export const cors = createCors({ origin: TRUSTED, credentials: true, csrf: true })

/**
 * SvelteKit's `kit.csrf.trustedOrigins` (svelte.config.js): complete origins, no patterns, so
 * only the exact entries the policy trusts (`'null'` and `'*'` never are). A preview deploy
 * under the pattern gets Corsica's csrf only.
 */
export const svelteKitTrustedOrigins: string[] = TRUSTED.filter(
  (origin) => !origin.includes('*') && cors.trusts(origin) === true,
)

/**
 * Next's `experimental.serverActions.allowedOrigins` (next.config.ts): hosts, not origins, where
 * `**` stands for one or more labels, as a Corsica pattern's `*.` does. Next compares only the
 * host of Origin, not its scheme.
 */
export const nextAllowedOrigins: string[] = TRUSTED.map((origin) =>
  new URL(origin.replace('://*.', '://wildcard.')).host.replace(/^wildcard\./, '**.'),
)

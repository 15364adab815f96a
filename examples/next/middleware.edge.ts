/**
 * The same CORS layer as a middleware on the edge runtime: the very function of proxy.node.ts.
 * In your app this file is `middleware.ts` (and there is no proxy.ts); here it is
 * `middleware.edge.ts` so that next.config.ts can pick it or proxy.node.ts (see README).
 */
import { proxy } from './proxy.node'

export const middleware = proxy

// Next reads `config` from this file's source, so the matcher is written out here too.
export const config = { matcher: ['/api/:path*', '/hello', '/live', '/broken', '/conformance/mw/:path*'] }

/**
 * Next 16's proxy (Node runtime); middleware.edge.ts runs the same function on the edge runtime.
 * In your app this file is `proxy.ts`; here it is `proxy.node.ts` so that next.config.ts can
 * pick it or middleware.edge.ts (see README).
 */
import { createCorsMiddleware } from '@corsica/next'
import type { NextFetchEvent, NextRequest } from 'next/server'
import { conformanceMiddleware } from './lib/conformance'
import { corsOptions } from './lib/cors-options'
import { continueWithRequestId } from './lib/request-id'

const cors = createCorsMiddleware(corsOptions)

export function proxy(request: NextRequest, event: NextFetchEvent) {
  // The shared test table, one policy per case (for the tests; not part of a normal app). Called
  // with Next's own arguments, as `export const proxy = createCorsMiddleware(...)` would be.
  const tableCase = conformanceMiddleware(request.nextUrl.pathname)
  if (tableCase) return tableCase(request, event)
  // Your own logic first; cors() answers preflights and adds the CORS headers to your response.
  return cors(request, continueWithRequestId(request))
}

// Only the paths that cross-origin callers use. Static assets under /_next need no CORS.
export const config = { matcher: ['/api/:path*', '/hello', '/live', '/broken', '/conformance/mw/:path*'] }

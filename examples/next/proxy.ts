/**
 * Next 16's proxy (Node runtime). For the edge runtime, use edge-runtime/middleware.ts instead
 * (as `middleware.ts` at the root of your app, in place of this file: Next refuses both).
 */
import { createCorsMiddleware } from '@corsica/next'
import type { NextRequest } from 'next/server'
import { corsOptions } from '@/lib/cors-options'
import { continueWithRequestId } from '@/lib/request-id'

// Validated here and, before any traffic, by next.config.ts (see the README).
const cors = createCorsMiddleware(corsOptions)

export function proxy(request: NextRequest) {
  // Your own logic first; cors() answers preflights and adds the CORS headers to your response.
  return cors(request, continueWithRequestId(request))
}

// Only the paths that cross-origin callers use. Static assets under /_next need no CORS.
export const config = { matcher: ['/api/:path*', '/hello', '/live', '/broken'] }

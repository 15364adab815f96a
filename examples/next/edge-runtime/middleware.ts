/**
 * The same CORS layer as a middleware on the edge runtime. In your app this file is
 * `middleware.ts` at the root, and there is no proxy.ts (Next refuses both). Next 16 prints a
 * deprecation warning for middleware.ts; it is still the file for the edge runtime.
 */
import { createCorsMiddleware } from '@corsica/next'
import type { NextRequest } from 'next/server'
import { corsOptions } from '@/lib/cors-options'
import { continueWithRequestId } from '@/lib/request-id'

const cors = createCorsMiddleware(corsOptions)

export function middleware(request: NextRequest) {
  return cors(request, continueWithRequestId(request))
}

// Next reads `config` from this file's source, so the matcher is written out here.
export const config = { matcher: ['/api/:path*', '/hello', '/live', '/broken'] }

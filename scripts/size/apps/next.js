// A Next.js middleware (edge runtime). Lines ending in `// +corsica` are only in the app with
// Corsica, lines ending in `// -corsica` only in the app without it.

import { createCorsMiddleware } from 'ENTRY' // +corsica
import { NextResponse } from 'next/server.js'
export const middleware = () => NextResponse.next() // -corsica
export const middleware = createCorsMiddleware({ origin: ORIGINS }) // +corsica
export const config = { matcher: ['/api/:path*'] }

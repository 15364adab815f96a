// @corsica/next: Next 16's proxy (Node runtime) in front of /api.
import { createCorsMiddleware } from '@corsica/next'

export const proxy = createCorsMiddleware({
  origin: ['https://app.example.com'],
  allowedHeaders: ['content-type'],
})

export const config = { matcher: ['/api/:path*'] }

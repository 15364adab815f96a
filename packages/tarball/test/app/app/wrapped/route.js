// Not behind the proxy: @corsica/next's withCors on the route's handlers.
import { withCors } from '@corsica/next'

export const { GET, OPTIONS } = withCors(
  { origin: ['https://app.example.com'], allowedHeaders: ['content-type'] },
  { GET: () => Response.json({ ok: true }) },
)

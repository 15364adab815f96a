// @corsica/cloudflare: a module worker.
import { withCors } from '@corsica/cloudflare'

export default withCors(
  { origin: ['https://app.example.com'], allowedHeaders: ['content-type'] },
  { fetch: () => Response.json({ ok: true }) },
)

// @corsica/cloudflare/lite: a module worker.
import { withCors } from '@corsica/cloudflare/lite'

export default withCors(
  { origin: ['https://app.example.com'], allowedHeaders: ['content-type'] },
  { fetch: () => Response.json({ ok: true }) },
)

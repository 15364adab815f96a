// @corsica/deno under `deno run`, resolved from this project's package.json and node_modules.
import { withCors } from '@corsica/deno'

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`),
  },
  withCors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] }, () =>
    Response.json({ ok: true }),
  ),
)

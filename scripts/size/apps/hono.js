// A Hono app with one route. Lines ending in `// +corsica` are only in the app with Corsica
// (or with the middleware it is compared to, such as hono/cors: same call).

import { cors } from 'ENTRY' // +corsica
import { Hono } from 'hono'

const app = new Hono()
app.use('/api/*', cors({ origin: ORIGINS })) // +corsica
app.get('/api/notes', (c) => c.json([]))
export default app

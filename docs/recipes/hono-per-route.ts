/**
 * Recipe: per-route policies in Hono, by path. `/public/*` is readable by any site (no
 * cookies), `/api/*` only by the app with cookies, `/admin/*` only by the admin front end; other
 * paths get no CORS headers at all. Each policy is checked when the app is built.
 */
import { cors } from '@corsica/hono'
import { Hono } from 'hono'

export const app = new Hono()

// No csrf on the public feed: it is read-only, and '*' trusts no origin, so csrf would refuse
// every cross-site write there (which is right for a route that takes cookies, as below).
app.use('/public/*', cors({ origin: '*' }))
app.use('/api/*', cors({ origin: ['https://app.example.com'], credentials: true, csrf: true }))
app.use(
  '/admin/*',
  cors({
    origin: ['https://admin.example.com'],
    credentials: true,
    methods: ['GET', 'PUT', 'DELETE'],
    csrf: true,
  }),
)

app.get('/public/feed', (c) => c.json({ posts: [] }))
app.get('/api/me', (c) => c.json({ name: 'Ada' }))
app.delete('/admin/users/:id', (c) => c.body(null, 204))
app.get('/health', (c) => c.text('ok'))

// CORS contract tests for a Hono app: the calls the front end makes, run in-process.
import { cors } from '@corsica/hono'
import { Hono } from 'hono'
import { describe, it } from 'vitest'
import { expectCorsAllowed, expectCorsBlocked } from '../../src/index'

// The app under test (in your project: import it from your source).
const app = new Hono()
app.use(
  '/api/*',
  cors({ origin: ['https://app.example.com'], credentials: true, allowedHeaders: ['content-type'] }),
)
app.get('/api/todos', (c) => c.json([]))
app.post('/api/todos', (c) => c.json({ ok: true }, 201))

// What every call of the front end shares: its origin, cookies, and the app's fetch handler.
const frontEnd = { origin: 'https://app.example.com', credentials: true, handler: app.fetch }
const url = 'https://api.example.com/api/todos'

describe('CORS contract of the todo API', () => {
  it('the front end lists the todos', async () => {
    await expectCorsAllowed({ ...frontEnd, url })
  })

  it('the front end adds a todo as JSON', async () => {
    await expectCorsAllowed({
      ...frontEnd,
      url,
      method: 'POST',
      headers: ['Content-Type: application/json'],
      body: '{"title":"ship it"}',
    })
  })

  it('another site cannot read the todos', async () => {
    await expectCorsBlocked({ ...frontEnd, url, origin: 'https://evil.example' })
  })
})

// @corsica/node's cors() in an Express 5 app.

import { cors } from '@corsica/node'
import express from 'express'

const app = express()
app.use('/api', cors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] }))
app.get('/api/items', (_req, res) => {
  res.json({ ok: true })
})

const server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`)
})

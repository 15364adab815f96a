// @corsica/fastify registered at the root of a Fastify 5 app.

import corsica from '@corsica/fastify'
import Fastify from 'fastify'

const app = Fastify()
await app.register(corsica, { origin: ['https://app.example.com'], allowedHeaders: ['content-type'] })
app.get('/api/items', async () => ({ ok: true }))

const address = await app.listen({ port: 0, host: '127.0.0.1' })
console.log(`listening on ${address}`)

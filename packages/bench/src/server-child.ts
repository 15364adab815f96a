/**
 * @module One server of the whole-server figure: the Hono app on @hono/node-server, on 127.0.0.1
 * and a free port, which it reports over IPC. It exits when its parent goes away.
 */
import { serve } from '@hono/node-server'
import { type HonoVariant, honoApp } from './subjects/hono.js'

const variant = process.argv[2] as HonoVariant
const app = await honoApp(variant)
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  process.send!({ port: info.port }),
)
// The parent asks for this process's CPU time around each load: CPU per request is a figure
// that other load on the machine barely moves.
process.on('message', () => process.send!({ cpu: process.cpuUsage() }))
// No orphan: if the bench dies, its IPC channel closes and so does this server.
process.on('disconnect', () => {
  server.close()
  process.exit(0)
})

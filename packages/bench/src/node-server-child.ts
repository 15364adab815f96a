/**
 * @module One server of the `node` suite on 127.0.0.1 and a free port, reported over IPC with its
 * CPU time on request. It exits when its parent goes away.
 */
import type { AddressInfo } from 'node:net'
import { type NodeVariant, nodeServer } from './node-subjects.js'

const server = await nodeServer(process.argv[2] as NodeVariant)
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }))
process.on('message', () => process.send!({ cpu: process.cpuUsage() }))
process.on('disconnect', () => {
  server.close()
  process.exit(0)
})

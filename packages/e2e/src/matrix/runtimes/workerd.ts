/** workerd (the Workers runtime) with @corsica/cloudflare, from the npm `workerd` binary. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild } from '@corsica/testkit/process'
import { bundle } from './bundle'
import type { Runtime } from './types'

const WORKERD = fileURLToPath(new URL('../../../node_modules/workerd/bin/workerd', import.meta.url))

function config(pagePort: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-01-01",
  bindings = [ (name = "PAGE_PORT", text = "${pagePort}") ],
);
`
}

export const workerd: Runtime = {
  name: 'workerd (@corsica/cloudflare)',
  async start(pagePort) {
    const dir = await mkdtemp(join(tmpdir(), 'corsica-workerd-'))
    await bundle(fileURLToPath(new URL('./workerd-entry.ts', import.meta.url)), join(dir, 'worker.js'))
    await writeFile(join(dir, 'config.capnp'), config(pagePort))
    // Port 0: workerd reports the port it got on the control fd, once it listens.
    const { child, match } = await startChild(WORKERD, ['serve', 'config.capnp', '--control-fd=3'], {
      cwd: dir,
      ready: /"event":"listen","socket":"http","port":(\d+)/,
      fd3: true,
    }).catch(async (error) => {
      await rm(dir, { recursive: true, force: true })
      throw error
    })
    return {
      port: Number(match[1]),
      async stop() {
        await child.stop()
        await rm(dir, { recursive: true, force: true })
      },
    }
  },
}

/**
 * Debian's nginx as a shared cache (proxy_cache) in front of an upstream, started with its own
 * prefix, config and temp dirs under a temporary directory, on 127.0.0.1, stopped by PID.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, startChild } from '@corsica/testkit/process'

export const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx'

/** A running nginx. */
export interface Nginx {
  port: number
  /** Stops nginx (master and worker) and removes its directory. */
  stop(): Promise<void>
}

function config(dir: string, port: number, upstreamPort: number): string {
  // As root, nginx would switch its worker to `nobody`, who cannot write the private temp dir.
  const user = process.getuid?.() === 0 ? 'user root root;' : ''
  return `${user}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
lock_file ${dir}/nginx.lock;
error_log stderr notice;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=corsica:1m max_size=16m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_http_version 1.1;
      proxy_cache corsica;
      # The cache key leaves Origin out, as a shared cache does: only Vary can tell variants apart.
      proxy_cache_key $scheme$proxy_host$request_uri;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`
}

/** Starts nginx caching everything `upstreamPort` marks cacheable. */
export async function startNginx(upstreamPort: number): Promise<Nginx> {
  const dir = await mkdtemp(join(tmpdir(), 'corsica-nginx-'))
  await mkdir(join(dir, 'cache'))
  const port = await freePort()
  const file = join(dir, 'nginx.conf')
  await writeFile(file, config(dir, port, upstreamPort))
  // -p: our prefix; -e: start-up errors to stderr (Debian's default error log is a system path).
  const { child } = await startChild(NGINX, ['-p', `${dir}/`, '-c', file, '-e', 'stderr'], {
    ready: /start worker process/,
  }).catch(async (error) => {
    await rm(dir, { recursive: true, force: true })
    throw error
  })
  const pid = Number((await readFile(join(dir, 'nginx.pid'), 'utf8')).trim())
  if (pid !== child.process.pid) throw new Error(`nginx wrote pid ${pid}, started ${child.process.pid}`)
  return {
    port,
    async stop() {
      await child.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

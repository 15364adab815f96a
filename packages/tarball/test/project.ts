/**
 * The published packages as a user meets them: `pnpm pack` each one (which rewrites
 * `workspace:*` to the version), then install the tarballs with npm into a fresh project in a
 * temp folder outside the workspace, next to the framework versions the workspace tests.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './process.ts'

/** The workspace root. */
export const repo: string = resolve(fileURLToPath(new URL('../../..', import.meta.url)))

/** The packages published to npm, by folder under packages/. */
export const PUBLISHED = [
  'core',
  'hono',
  'cloudflare',
  'deno',
  'next',
  'doctor',
  'elysia',
  'h3',
  'node',
  'fastify',
  'sveltekit',
  'astro',
  'react-router',
] as const

/** A packed package: the tarball's path and its size in bytes. */
export interface Tarball {
  name: string
  file: string
  bytes: number
}

const manifest = (path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8'))

/** The framework versions the workspace's own tests run on, so the tarballs are tried on the same. */
function testedVersions(): Record<string, string> {
  const hono = manifest('packages/hono/package.json').devDependencies
  const next = manifest('examples/next/package.json').dependencies
  const elysia = manifest('packages/elysia/package.json').devDependencies
  const h3 = manifest('packages/h3/package.json').devDependencies
  const node = manifest('packages/node/package.json').devDependencies
  const fastify = manifest('packages/fastify/package.json').devDependencies
  // The frameworks are the adapters' peers: npm would install their newest versions otherwise.
  const sveltekit = manifest('packages/sveltekit/package.json').devDependencies
  const astro = manifest('packages/astro/package.json').devDependencies
  const reactRouter = manifest('packages/react-router/package.json').devDependencies
  return {
    express: node.express,
    fastify: fastify.fastify,
    '@sveltejs/kit': sveltekit['@sveltejs/kit'],
    '@sveltejs/vite-plugin-svelte': sveltekit['@sveltejs/vite-plugin-svelte'],
    svelte: sveltekit.svelte,
    vite: sveltekit.vite,
    astro: astro.astro,
    'react-router': reactRouter['react-router'],
    elysia: elysia.elysia,
    h3: h3.h3,
    hono: hono.hono,
    '@hono/node-server': hono['@hono/node-server'],
    next: next.next,
    react: next.react,
    'react-dom': next['react-dom'],
  }
}

/** Packs every published package into `into`. Needs `pnpm build` first (the tarballs ship dist/). */
export async function packAll(into: string): Promise<Tarball[]> {
  mkdirSync(into, { recursive: true })
  const tarballs: Tarball[] = []
  for (const folder of PUBLISHED) {
    const dir = join(repo, 'packages', folder)
    if (!existsSync(join(dir, 'dist/index.js'))) {
      throw new Error(`packages/${folder}/dist is missing: run pnpm build first`)
    }
    const { output } = await run('pnpm', ['pack', '--pack-destination', into], {
      cwd: dir,
      timeoutMs: 60_000,
    })
    const file = join(into, basename(output.trim().split('\n').at(-1)!))
    tarballs.push({
      name: manifest(`packages/${folder}/package.json`).name,
      file,
      bytes: statSync(file).size,
    })
  }
  return tarballs
}

/** Creates the project in a new temp folder and installs it with npm; returns the folder. */
export async function installProject(tarballs: readonly Tarball[]): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'corsica-tarball-'))
  const dir = join(root, 'app')
  cpSync(fileURLToPath(new URL('app', import.meta.url)), dir, { recursive: true })
  const dependencies = {
    ...Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.file}`])),
    ...testedVersions(),
  }
  const pkg = { name: 'corsica-tarball-app', private: true, type: 'module', dependencies }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    timeoutMs: 10 * 60_000,
  })
  return dir
}

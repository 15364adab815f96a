/**
 * @module @corsica/testkit/framework-apps: an app of Astro, SvelteKit or React Router, built with
 * the framework's own CLI (once per change of its inputs) and served the way its docs say. Each
 * adapter package tests one (test/app), each example is one; both are built and served alike.
 */
import { execFileSync } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { join } from 'node:path'
import { type AppBuild, buildOnce, type ServedApp, serveApp } from './built-app.ts'

/** How a framework's users build and serve its app. Scripts are paths under the app's node_modules. */
interface Framework {
  /** As its docs name it. */
  title: string
  /** The build command: the CLI's script and its arguments. */
  build: [script: string, ...args: string[]]
  /** The file the build writes, relative to the app. */
  output: string
  /** `node <serve>` in the built app, or `node <cli> <serve>` when a CLI serves it. */
  serve: string[]
  /** The script of the CLI that serves the app, if one does. */
  cli?: string
  /** What the server prints once it listens. */
  ready: RegExp
  env?: (url: string) => Record<string, string>
}

export const FRAMEWORKS = {
  // @astrojs/node (standalone): `node dist/server/entry.mjs`.
  astro: {
    title: 'Astro',
    build: ['astro/astro.js', 'build'],
    output: 'dist/server/entry.mjs',
    serve: ['dist/server/entry.mjs'],
    ready: /listening on/i,
  },
  // adapter-node: `node build`.
  sveltekit: {
    title: 'SvelteKit',
    build: ['vite/bin/vite.js', 'build'],
    output: 'build/index.js',
    serve: ['build'],
    ready: /Listening on/,
    // adapter-node takes the origin from ORIGIN, else https:// and the Host header: over plain
    // http, without it, SvelteKit's check and Corsica's csrf see every same-origin post as cross-origin.
    env: (url) => ({ ORIGIN: url }),
  },
  // `react-router-serve build/server/index.js`.
  'react-router': {
    title: 'React Router',
    build: ['@react-router/dev/bin.js', 'build'],
    output: 'build/server/index.js',
    cli: '@react-router/serve/bin.js',
    serve: ['build/server/index.js'],
    ready: /react-router-serve/,
  },
} satisfies Record<string, Framework>

/** The frameworks with an adapter of the same name (`@corsica/astro`…). */
export type FrameworkName = keyof typeof FRAMEWORKS

/**
 * Builds the adapter package's test app (`<root>/test/app`, in `<root>/.variants/app`) and serves
 * it. It bundles the adapter's src, the core's dist and the testkit: a change to any rebuilds it.
 */
export function serveTestApp(name: FrameworkName, root: string): Promise<ServedApp> {
  return buildAndServe(name, root, {
    name: `the ${FRAMEWORKS[name].title} test app`,
    source: join(root, 'test/app'),
    inputs: [
      join(root, 'src'),
      realpathSync(join(root, 'node_modules/@corsica/core/dist')),
      realpathSync(join(root, 'node_modules/@corsica/testkit/src')),
    ],
  })
}

/**
 * Builds the example at `root` (in `<root>/.variants/app`) and serves it, as its README does. It
 * uses the published shape of its adapter (the package's dist/), as a user would: that is built
 * first when missing, and a change to it or to the core's dist rebuilds the example.
 */
export function serveExample(name: FrameworkName, root: string): Promise<ServedApp> {
  execFileSync(process.execPath, [join(root, '../../scripts/ensure-built.mjs')], {
    cwd: root,
    stdio: 'inherit',
  })
  const adapter = join(root, 'node_modules/@corsica', name)
  return buildAndServe(name, root, {
    name: `examples/${name}`,
    source: root,
    inputs: [
      realpathSync(join(adapter, 'dist')),
      realpathSync(join(adapter, 'node_modules/@corsica/core/dist')),
    ],
    // The build's output folder (dist/, build/) and the tests are no inputs of the app.
    skip: [FRAMEWORKS[name].output.split('/')[0]!, 'test'],
  })
}

/** Builds the app of framework `name` in `<root>/.variants/app` unless nothing changed, then serves it. */
async function buildAndServe(
  name: FrameworkName,
  root: string,
  app: Pick<AppBuild, 'name' | 'source' | 'inputs' | 'skip'>,
): Promise<ServedApp> {
  const framework: Framework = FRAMEWORKS[name]
  const dir = join(root, '.variants/app')
  const [script, ...args] = framework.build
  const ms = await buildOnce({
    ...app,
    dir,
    build: [join(root, 'node_modules', script), ...args],
    output: framework.output,
  })
  if (ms > 0) console.log(`building ${app.name} took ${(ms / 1000).toFixed(1)} s`)
  const serve = framework.cli
    ? [join(root, 'node_modules', framework.cli), ...framework.serve]
    : framework.serve
  return serveApp(dir, serve, { ready: framework.ready, env: framework.env ?? {} })
}

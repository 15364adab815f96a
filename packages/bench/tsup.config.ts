import { defineConfig } from 'tsup'

// The bench runs as plain JavaScript. Node's own entries (main, its server child, the profiler, the
// scale script) import their packages from node_modules. What runs in every runtime (the micro
// benchmark's child, its workerd worker, the Deno.serve/Bun.serve server) is one self-contained
// bundle each in dist/portable/: Deno, Bun and workerd then resolve no package, and every runtime
// runs the very same code.
export default defineConfig([
  {
    entry: [
      'src/main.ts',
      'src/server-child.ts',
      'src/node-bench.ts',
      'src/node-server-child.ts',
      'src/node-micro.ts',
      'src/profile.ts',
      'src/scale.ts',
      'src/summary.ts',
    ],
    format: ['esm'],
    clean: ['!portable/**'],
    target: 'es2022',
    platform: 'node',
    external: ['miniflare'], // a devDependency, which tsup would otherwise bundle
  },
  {
    entry: ['src/micro-child.ts', 'src/micro-worker.ts', 'src/serve-child.ts'],
    outDir: 'dist/portable',
    format: ['esm'],
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    noExternal: [/.*/],
    splitting: false, // one file each: workerd loads a single module
    esbuildOptions(options) {
      options.mainFields = ['module', 'main']
      options.conditions = ['worker', 'browser']
    },
  },
])

import { defineConfig, type Options } from 'tsup'

/** The `corsica` bin: ESM only, with a shebang. The CLI tests build it from this too. */
export const cliBuild: Options = {
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  clean: false,
  target: 'es2022',
  sourcemap: false,
  banner: { js: '#!/usr/bin/env node' },
  // Named, not inferred from package.json, so that a build started elsewhere (the CLI tests)
  // keeps them external too.
  external: ['undici', '@corsica/core'],
}

// Two entries: the library (diagnose) and the bin.
export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    sourcemap: false,
  },
  cliBuild,
])

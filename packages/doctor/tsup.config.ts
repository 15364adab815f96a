import { defineConfig } from 'tsup'

// Two entries: the library (diagnose) and the `corsica` bin. The bin is ESM only, with a shebang.
export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    sourcemap: false,
  },
  {
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'es2022',
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
  },
])

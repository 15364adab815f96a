import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/lite.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  sourcemap: false,
  // One copy of the shared modules for both entries, in CommonJS too: a CorsConfigError from
  // one entry is an instance of the other's.
  splitting: true,
})

import { defineConfig } from 'tsup'

const common = { format: ['esm', 'cjs'], target: 'es2022', sourcemap: false } as const

export default defineConfig([
  { ...common, entry: ['src/index.ts', 'src/lite.ts'], dts: false, clean: true },
  // The types of each entry in one file, without a shared chunk: Deno, type-checking the npm
  // package, does not map a chunk's `./x.js` import to its `x.d.ts`.
  { ...common, entry: ['src/index.ts'], dts: { only: true } },
  { ...common, entry: ['src/lite.ts'], dts: { only: true } },
])

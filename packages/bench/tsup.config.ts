import { defineConfig } from 'tsup'

// The bench runs as plain JavaScript: main, the entry of each kind of child process, the profiler.
export default defineConfig({
  entry: ['src/main.ts', 'src/micro-child.ts', 'src/server-child.ts', 'src/profile.ts'],
  format: ['esm'],
  clean: true,
  target: 'es2022',
  platform: 'node',
})

import { defineProject } from 'vitest/config'

// The recipes of docs/recipes that run on Node (the Workers ones run in workerd with the
// Cloudflare tests, the Deno one in Deno with the Deno tests).
export default defineProject({ test: { name: 'recipes', include: ['*.test.ts'], testTimeout: 20_000 } })

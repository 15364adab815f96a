import { defineProject } from 'vitest/config'

// The recipes of docs/recipes that run on Node (the Workers ones run in workerd with the
// Cloudflare tests, deno-env-origins.ts in Deno with the Deno tests); platforms.test.ts starts
// Deno and Bun itself for the Supabase and Bun recipes.
export default defineProject({ test: { name: 'recipes', include: ['*.test.ts'], testTimeout: 20_000 } })

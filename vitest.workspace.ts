/**
 * The test projects. Vitest 4 no longer reads this file by itself: the root
 * vitest.config.ts imports it into `test.projects`. Each folder that has tests
 * holds a vitest.config.ts of its own (the core a second one, for the edge runtime);
 * folders without one are not projects.
 */
export default [
  'packages/*/vitest.config.ts',
  'packages/core/vitest.edge.config.ts',
  'packages/hono/vitest.workerd.config.ts',
  'examples/*/vitest.config.ts',
  'docs/recipes/vitest.config.ts',
]

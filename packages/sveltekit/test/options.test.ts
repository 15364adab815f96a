/** What cors() says at start-up in SvelteKit: an onError function, which SvelteKit's own error answers make moot. */
import { onErrorNote } from '@corsica/testkit'
import { expect, test } from 'vitest'
import { cors } from '../src/index.ts'

test('an onError function does nothing (SvelteKit answers what a route throws), and is said to', async () => {
  const note = await onErrorNote((options) => cors(options))
  expect(note).toContain('SvelteKit answers what a route throws')
  expect(note).toContain('handleError in src/hooks.server.ts and src/routes/+error.svelte')
})

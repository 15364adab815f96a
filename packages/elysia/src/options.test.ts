/** What cors() says at start-up: an onError function, which Elysia's own error answers make moot. */
import { onErrorNote } from '@corsica/testkit'
import { expect, test } from 'vitest'
import { cors } from './index.ts'

test('an onError function does nothing (Elysia answers what a route throws), and is said to', async () => {
  const note = await onErrorNote((options) => cors(options))
  expect(note).toContain('Elysia answers what a route throws')
  expect(note).toContain('.onError(({ error }) => ...)')
})

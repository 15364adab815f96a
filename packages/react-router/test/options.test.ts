/** What cors() says at start-up in React Router: an onError function, which React Router's own error answers make moot. */
import { onErrorNote } from '@corsica/testkit'
import { expect, test } from 'vitest'
import { cors } from '../src/index.ts'

test('an onError function does nothing (React Router answers what a loader or action throws), and is said to', async () => {
  const note = await onErrorNote((options) => cors(options))
  expect(note).toContain('React Router answers what a loader or action throws')
  expect(note).toContain('handleError in app/entry.server.tsx')
})

/** docs/contract-tests.md shows the recipes in test/recipes/ exactly as they run. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..', '..')
const doc = readFileSync(join(root, 'docs', 'contract-tests.md'), 'utf8')

describe('docs/contract-tests.md', () => {
  it.each([['hono.contract.test.ts'], ['worker.contract.test.ts']])('shows %s as it runs', (file) => {
    const source = readFileSync(join(import.meta.dirname, 'recipes', file), 'utf8')
    expect(doc).toContain(source.replace("'../../src/index'", "'@corsica/doctor'").trimEnd())
  })
})

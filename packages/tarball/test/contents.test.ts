/** What each tarball holds: dist, README, LICENSE and package.json; no sources, no links out of it. */
import { execFileSync } from 'node:child_process'
import { describe, expect, inject, it } from 'vitest'

const tarballs = inject('tarballs')
const tar = (...args: string[]) => execFileSync('tar', args, { encoding: 'utf8', maxBuffer: 16 << 20 })

describe.each(tarballs.map((t) => [t.name, t] as const))('%s tarball', (_name, tarball) => {
  const files = tar('-tzf', tarball.file).trim().split('\n').sort()

  it('ships dist, README.md, LICENSE and package.json only', () => {
    console.log(`[tarball] ${tarball.name}: ${tarball.bytes} bytes packed, ${files.length} files`)
    expect(files).toEqual(
      expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json']),
    )
    expect(files.filter((f) => !/^package\/(LICENSE|README\.md|package\.json|dist\/.+)$/.test(f))).toEqual([])
    expect(tar('-xOzf', tarball.file, 'package/LICENSE')).toMatch(/^MIT License/)
  })

  it('has workspace:* rewritten to a version', () => {
    const pkg = tar('-xOzf', tarball.file, 'package/package.json')
    expect(pkg).not.toContain('workspace:')
  })

  it('has a README whose links do not climb out of the package', () => {
    const readme = tar('-xOzf', tarball.file, 'package/README.md')
    expect(readme.match(/\]\((?!https?:|#)[^)]*\)/g) ?? []).toEqual([])
  })
})

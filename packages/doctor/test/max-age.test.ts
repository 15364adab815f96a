/**
 * Issue 23: what each engine does with Access-Control-Max-Age (Chromium keeps a preflight at most
 * 7200 s, Firefox 86400 s, WebKit 600 s; read in each engine's source, see engines.ts), and the
 * note the doctor adds when a server asks for longer than an engine keeps it.
 */
import { createCors } from '@corsica/core'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../src/diagnose'
import { maxAgeNote, PREFLIGHT_CACHE_CAP, SUGGESTED_MAX_AGE } from '../src/engines'
import { toText } from '../src/report'

const PAGE = 'https://app.example.com'

/** Grants any preflight, with this Access-Control-Max-Age. */
const granting = (maxAge: string) => (request: Request) =>
  new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': request.headers.get('origin') ?? '',
      'access-control-allow-methods': 'PUT',
      'access-control-max-age': maxAge,
      vary: 'Origin',
    },
  })

const notesFor = async (maxAge: string) =>
  (
    await diagnose({ url: 'http://api.test/x', origin: PAGE, method: 'PUT', handler: granting(maxAge) })
  ).notes.filter((n) => n.includes('Access-Control-Max-Age'))

describe('Access-Control-Max-Age and what engines keep (issue 23)', () => {
  it('the caps read in the engines’ source', () => {
    expect(PREFLIGHT_CACHE_CAP).toEqual({ chromium: 7200, firefox: 86400, webkit: 600 })
    expect(SUGGESTED_MAX_AGE).toBe(PREFLIGHT_CACHE_CAP.chromium)
  })

  it.each(['0', '5', '600'])('no note for %s (every engine honours it)', async (v) => {
    expect(await notesFor(v)).toEqual([])
  })

  it('601 to 7200: WebKit caps it at 600 s, the others honour it', async () => {
    for (const v of ['601', '7200']) {
      const [note] = await notesFor(v)
      expect(note).toContain(
        `Access-Control-Max-Age: ${v} is longer than WebKit keeps a preflight (at most WebKit 600 s (10 min); Chromium and Firefox honour it)`,
      )
      expect(note).not.toContain('maxAge: 7200')
    }
  })

  it('7201 to 86400: Chromium and WebKit cap it; suggests 7200', async () => {
    const [note] = await notesFor('86400')
    expect(note).toContain(
      'longer than Chromium and WebKit keep a preflight (at most Chromium 7200 s (2 h), WebKit 600 s (10 min); Firefox honours it)',
    )
    expect(note).toContain('7200 (maxAge: 7200) is the longest Chromium honours')
  })

  it('over 86400: no engine honours it', async () => {
    const [note] = await notesFor('86401')
    expect(note).toContain(
      'Access-Control-Max-Age: 86401 is longer than any engine keeps a preflight (at most Chromium 7200 s (2 h), Firefox 86400 s (24 h), WebKit 600 s (10 min))',
    )
  })

  it('a value that is not a whole number is not this note (that is an engine departure)', () => {
    for (const v of ['abc', '-1', '1.5', '']) expect(maxAgeNote(v)).toBeNull()
    expect(maxAgeNote(null)).toBeNull()
  })

  it('a Corsica server with maxAge: 100000 gets the note in the text report', async () => {
    const policy = createCors({ origin: [PAGE], methods: ['PUT'], maxAge: 100_000, onRefuse: false })
    const d = await diagnose({
      url: 'http://api.test/x',
      origin: PAGE,
      method: 'PUT',
      handler: policy.wrap(() => new Response('ok')),
    })
    expect(d.allowed).toBe(true)
    expect(toText(d, false)).toContain(
      'Note: Access-Control-Max-Age: 100000 is longer than any engine keeps a preflight',
    )
  })

  it('no note on a refused preflight (nothing is cached)', async () => {
    const policy = createCors({ origin: [PAGE], methods: ['GET'], maxAge: 100_000, onRefuse: false })
    const d = await diagnose({
      url: 'http://api.test/x',
      origin: PAGE,
      method: 'PUT',
      handler: policy.wrap(() => new Response('ok')),
    })
    expect(d.allowed).toBe(false)
    expect(d.notes.filter((n) => n.includes('Max-Age'))).toEqual([])
  })
})

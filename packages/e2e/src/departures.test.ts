/**
 * Where the engines depart from the Fetch standard (the testkit's ENGINE_DEPARTURES), each
 * asserted as the engine really behaves: an engine listed as departing must still depart, one
 * listed as following the standard must still follow it. A browser update that changes either
 * fails here, by name. The servers answer with hand-set headers (no Corsica: Corsica never sends
 * these answers), and record what each browser sent.
 */
import { type Served, serve } from '@corsica/demo'
import { ENGINE_DEPARTURES, preflightCheck } from '@corsica/testkit'
import { type Engine, launch, type Session, selectedEngines } from '@corsica/testkit/engines'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servePages } from './matrix/pages'

/** A request one of the servers received. */
interface Seen {
  server: 'api' | 'target'
  method: string
  path: string
  origin: string | null
}

function departs(id: string, engine: Engine): boolean {
  const departure = ENGINE_DEPARTURES.find((d) => d.id === id)
  if (!departure) throw new Error(`no departure ${id} in ENGINE_DEPARTURES`)
  return departure.engines[engine] !== null
}

let pages: Served
let api: Served
let target: Served
let page: string
const seen = new Map<string, Seen[]>()

function record(server: Seen['server'], request: Request): void {
  const url = new URL(request.url)
  const rid = url.searchParams.get('rid') ?? ''
  const list = seen.get(rid) ?? []
  list.push({ server, method: request.method, path: url.pathname, origin: request.headers.get('origin') })
  seen.set(rid, list)
}

/** The first API: each path answers one departure's question. */
function apiHandler(request: Request): Response {
  record('api', request)
  const url = new URL(request.url)
  const grant = { 'access-control-allow-origin': page, vary: 'Origin' }
  const preflight = request.method === 'OPTIONS'
  switch (url.pathname) {
    case '/acah-wildcard':
      return preflight
        ? new Response(null, { status: 204, headers: { ...grant, 'access-control-allow-headers': '*' } })
        : new Response('{}', { headers: grant })
    case '/max-age-not-a-number':
      return preflight
        ? new Response(null, {
            status: 204,
            headers: { ...grant, 'access-control-allow-methods': 'PUT', 'access-control-max-age': 'ten' },
          })
        : new Response('{}', { headers: grant })
    case '/redirect':
      return preflight
        ? new Response(null, {
            status: 204,
            headers: {
              ...grant,
              'access-control-allow-methods': 'PUT',
              'access-control-allow-headers': 'x-api-key',
            },
          })
        : new Response(null, {
            status: 307,
            headers: { ...grant, location: `http://127.0.0.1:${target.port}/target${url.search}` },
          })
    default:
      return new Response('no such path', { status: 404 })
  }
}

/** The redirect's target, a third origin: grants whatever Origin it is sent, `null` included. */
function targetHandler(request: Request): Response {
  record('target', request)
  const grant = { 'access-control-allow-origin': request.headers.get('origin') ?? '*', vary: 'Origin' }
  return request.method === 'OPTIONS'
    ? new Response(null, {
        status: 204,
        headers: {
          ...grant,
          'access-control-allow-methods': 'PUT',
          'access-control-allow-headers': 'x-api-key',
        },
      })
    : new Response('{}', { headers: grant })
}

beforeAll(async () => {
  pages = await servePages()
  page = `http://app.localhost:${pages.port}`
  api = await serve(apiHandler, { port: 0, what: 'departures API' })
  target = await serve(targetHandler, { port: 0, what: 'redirect target' })
})

afterAll(async () => {
  await target?.close()
  await api?.close()
  await pages?.close()
})

describe.each(selectedEngines())('[%s] departures from the Fetch standard', (engine) => {
  let browser: Session
  const url = (path: string, rid: string) => `http://api.app.localhost:${api.port}${path}?rid=${rid}`
  const rid = (id: string) => `${engine}-${id}-${Math.random().toString(36).slice(2, 10)}`

  beforeAll(async () => {
    browser = await launch(engine)
    await browser.open(`${page}/`)
  })
  afterAll(() => browser?.close())

  const acah = departs('acah-wildcard-authorization', engine)
  it(`[${engine}] acah-wildcard-authorization: Allow-Headers '*' ${acah ? 'lets Authorization through (departs)' : 'does not cover Authorization'}`, async () => {
    const id = rid('acah')
    const init = { headers: { authorization: 'Bearer t' } }
    const outcome = await browser.fetch(url('/acah-wildcard', id), init)
    // The model follows the standard: that same preflight answer does not cover Authorization.
    const answer = {
      status: 204,
      headers: new Headers({ 'access-control-allow-origin': page, 'access-control-allow-headers': '*' }),
    }
    expect(preflightCheck(answer, { origin: page, ...init })).toBe('CORSMissingAllowHeaderFromPreflight')
    expect(seen.get(id)?.map((s) => s.method)).toEqual(acah ? ['OPTIONS', 'GET'] : ['OPTIONS'])
    expect(outcome.allowed, JSON.stringify(outcome)).toBe(acah)
  })

  const maxAge = departs('max-age-not-a-number', engine)
  it(`[${engine}] max-age-not-a-number: two PUTs under Max-Age 'ten' send ${maxAge ? 'two preflights (departs)' : 'one preflight (the 5 s default)'}`, async () => {
    const id = rid('max-age')
    const init = { method: 'PUT', body: 'x' }
    // Both within the standard's default of 5 seconds.
    expect((await browser.fetch(url('/max-age-not-a-number', id), init)).allowed).toBe(true)
    expect((await browser.fetch(url('/max-age-not-a-number', id), init)).allowed).toBe(true)
    const methods = seen.get(id)!.map((s) => s.method)
    expect(methods).toEqual(maxAge ? ['OPTIONS', 'PUT', 'OPTIONS', 'PUT'] : ['OPTIONS', 'PUT', 'PUT'])
  })

  const redirect = departs('redirect-307-preflight-origin', engine)
  it(`[${engine}] redirect-307-preflight-origin: the target's preflight carries ${redirect ? 'Origin: null (departs)' : "the page's origin"}, the request Origin: null`, async () => {
    const id = rid('redirect')
    const outcome = await browser.fetch(url('/redirect', id), {
      method: 'PUT',
      headers: { 'x-api-key': 'k' },
      body: 'x',
    })
    const atTarget = seen.get(id)!.filter((s) => s.server === 'target')
    const context = JSON.stringify({ outcome, seen: seen.get(id) })
    expect(
      atTarget.map((s) => s.method),
      context,
    ).toEqual(['OPTIONS', 'PUT'])
    expect(atTarget[0]!.origin, context).toBe(redirect ? 'null' : page)
    expect(atTarget[1]!.origin, context).toBe('null')
    expect(outcome.allowed, context).toBe(true)
  })
})

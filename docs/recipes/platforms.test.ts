/**
 * The platform recipes, each where it runs: the Supabase one in Deno (`Deno.serve`, the npm
 * `deno` binary), the Bun one in Bun (`bun run`, the npm `bun` binary), both over HTTP; the
 * Lambda one with payload 2.0 events typed by `@types/aws-lambda` (a function URL's and an API
 * Gateway HTTP API's); the Vercel and Netlify ones called as those platforms call them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Child, startChild } from '@corsica/testkit/process'
import type { APIGatewayProxyEventV2, LambdaFunctionURLEvent } from 'aws-lambda'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handler as lambda } from './aws-lambda.ts'
import netlify from './netlify-function.ts'
import vercel from './vercel-function.ts'

const here = dirname(fileURLToPath(import.meta.url))
const APP = 'https://app.example.com'
const EVIL = 'https://evil.example'
const ACAO = 'access-control-allow-origin'
const preflight = (origin: string, method: string, headers?: string) => ({
  origin,
  'access-control-request-method': method,
  ...(headers ? { 'access-control-request-headers': headers } : {}),
})
const send = async (url: string, method: string, headers: Record<string, string>, body?: string) => {
  const res = await request(url, { method: method as 'GET', headers, body })
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() }
}

describe('deno-supabase-edge.ts: Deno.serve with withCors, in Deno', () => {
  let deno: Child
  let base: string
  const work = mkdtempSync(join(tmpdir(), 'corsica-recipe-'))
  beforeAll(async () => {
    // Served on port 0 (the recipe's own Deno.serve(handler) takes 8000, as on Supabase).
    const entry = join(work, 'serve.ts')
    const recipe = join(here, 'deno-supabase-edge.ts')
    writeFileSync(
      entry,
      `import { handler } from ${JSON.stringify(recipe)}\nDeno.serve({ hostname: '127.0.0.1', port: 0 }, handler)\n`,
    )
    const config = join(here, '../../packages/deno/deno.json')
    const args = ['run', '--check', '--no-remote', '--allow-net=127.0.0.1', `--config=${config}`, entry]
    // Deno runs outside the workspace (see packages/deno/test/deno-process.ts), its cache in node_modules.
    const started = await startChild(join(here, 'node_modules/deno/deno'), args, {
      cwd: work,
      env: { DENO_DIR: join(here, 'node_modules/.cache/deno'), NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
      ready: /Listening on (http:\/\/127\.0\.0\.1:\d+)\//,
      timeoutMs: 60_000,
    })
    deno = started.child
    base = started.match[1]!
  }, 70_000)
  afterAll(async () => {
    await deno?.stop()
    rmSync(work, { recursive: true, force: true })
  })

  it("grants supabase-js's preflight (authorization, apikey, x-client-info, content-type)", async () => {
    const headers = 'authorization, apikey, x-client-info, content-type'
    const res = await send(`${base}/`, 'OPTIONS', preflight('http://localhost:5173', 'POST', headers))
    expect(res.status).toBe(204)
    expect(res.headers[ACAO]).toBe('http://localhost:5173')
    expect(res.headers['access-control-allow-headers']).toBe(headers)
  })

  it('answers the invoke with the grant, and refuses an unlisted origin', async () => {
    const res = await send(
      `${base}/`,
      'POST',
      { origin: APP, 'content-type': 'application/json' },
      '{"name":"Ada"}',
    )
    expect(JSON.parse(res.text)).toEqual({ message: 'Hello Ada!' })
    expect(res.headers[ACAO]).toBe(APP)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect((await send(`${base}/`, 'OPTIONS', preflight(EVIL, 'POST'))).status).toBe(403)
  })
})

describe('bun-routes.ts: Bun.serve routes, in Bun', () => {
  const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
  const BUN = join(dirname(fromBun.resolve('@oven/bun-linux-x64/package.json')), 'bin/bun')
  const started: Child[] = []
  const start = async (args: string[]) => {
    const { child, match } = await startChild(BUN, args, {
      cwd: here,
      env: { PORT: '0', NO_COLOR: '1' },
      ready: /listening on (http:\/\/[^\s/]+)/,
    })
    started.push(child)
    return match[1]!
  }
  afterAll(() => Promise.all(started.map((child) => child.stop())))

  it('routes bypass fetch: with only fetch wrapped, a route answers without any CORS header', async () => {
    const base = await start([
      '--eval',
      `import { createCors } from '@corsica/core'
const cors = createCors({ origin: ['${APP}'] })
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, routes: { '/api/me': () => Response.json({ id: 1 }) }, fetch: cors.wrap(() => new Response('fallback')) })
console.log('listening on ' + server.url.origin)`,
    ])
    const route = await send(`${base}/api/me`, 'GET', { origin: APP })
    expect(route.headers[ACAO]).toBeUndefined()
    expect((await send(`${base}/other`, 'GET', { origin: APP })).headers[ACAO]).toBe(APP)
  })

  it('corsRoutes: a handler, a per-method object and a static Response each get the policy', async () => {
    const base = await start(['run', 'bun-routes.ts'])
    for (const path of ['/health', '/api/me', '/api/notes']) {
      const res = await send(`${base}${path}`, 'GET', { origin: APP })
      expect(res.status).toBe(200)
      expect(res.headers[ACAO]).toBe(APP)
      expect(res.headers.vary).toBe('Origin')
    }
    const pre = await send(`${base}/api/notes`, 'OPTIONS', preflight(APP, 'POST', 'content-type'))
    expect(pre.status).toBe(204)
    expect(pre.headers[ACAO]).toBe(APP)
    expect((await send(`${base}/api/notes`, 'OPTIONS', preflight(EVIL, 'POST'))).status).toBe(403)
    const plain = await send(`${base}/api/notes`, 'OPTIONS', { origin: APP })
    expect(plain.headers.allow).toBe('GET, POST')
    expect((await send(`${base}/nowhere`, 'GET', { origin: APP })).status).toBe(404)
  })
})

describe('aws-lambda.ts: payload 2.0 events to a Request and back', () => {
  /** A function URL event (LambdaFunctionURLEvent: routeKey and stage are '$default'). */
  const urlEvent = (
    method: string,
    headers: Record<string, string>,
    extra: Partial<LambdaFunctionURLEvent> = {},
  ): LambdaFunctionURLEvent => ({
    version: '2.0',
    routeKey: '$default',
    rawPath: '/notes',
    rawQueryString: '',
    headers: { host: 'abc123.lambda-url.us-east-1.on.aws', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abc123',
      http: { method, path: '/notes', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'r-1',
      routeKey: '$default',
      stage: '$default',
      time: '07/Dec/2026:17:00:00 +0000',
      timeEpoch: 1796662800000,
    },
    isBase64Encoded: false,
    ...extra,
  })
  const body = (result: { body?: string }) => Buffer.from(result.body ?? '', 'base64').toString()

  it("a function URL's preflight is answered by the policy, the function's code never runs", async () => {
    const result = await lambda(urlEvent('OPTIONS', preflight(APP, 'POST', 'content-type')))
    expect(result.statusCode).toBe(204)
    expect(result.headers?.[ACAO]).toBe(APP)
    expect(result.headers?.['access-control-allow-credentials']).toBe('true')
    const refused = await lambda(urlEvent('OPTIONS', preflight(EVIL, 'POST')))
    expect(refused.statusCode).toBe(403)
    expect(refused.headers?.[ACAO]).toBeUndefined()
  })

  it('a function URL POST with a base64 body and cookies: 201, the grant, the JSON back', async () => {
    const event = urlEvent(
      'POST',
      { origin: APP, 'content-type': 'application/json' },
      {
        body: Buffer.from('{"text":"hi"}').toString('base64'),
        isBase64Encoded: true,
        cookies: ['session=abc'],
      },
    )
    const result = await lambda(event)
    expect(result.statusCode).toBe(201)
    expect(JSON.parse(body(result))).toEqual({ text: 'hi' })
    expect(result.headers?.[ACAO]).toBe(APP)
    expect(result.headers?.vary).toBe('Origin')
  })

  it('an API Gateway HTTP API event (its own routeKey and stage): the path reaches the app', async () => {
    const base = urlEvent('GET', { origin: APP })
    const event: APIGatewayProxyEventV2 = {
      ...base,
      routeKey: 'GET /notes',
      rawQueryString: 'page=2',
      queryStringParameters: { page: '2' },
      requestContext: { ...base.requestContext, routeKey: 'GET /notes', domainName: 'api.example.com' },
    }
    const result = await lambda(event)
    expect(result.statusCode).toBe(200)
    expect(JSON.parse(body(result))).toEqual({ path: '/notes' })
    expect(result.headers?.[ACAO]).toBe(APP)
  })
})

describe('vercel-function.ts and netlify-function.ts: Fetch handlers', () => {
  it('Vercel: one fetch answers the preflight and the POST', async () => {
    const pre = await vercel.fetch(
      new Request('https://x.vercel.app/api/notes', {
        method: 'OPTIONS',
        headers: preflight(APP, 'POST', 'content-type'),
      }),
    )
    expect(pre.status).toBe(204)
    expect(pre.headers.get(ACAO)).toBe(APP)
    const post = await vercel.fetch(
      new Request('https://x.vercel.app/api/notes', {
        method: 'POST',
        headers: { origin: APP },
        body: '{"a":1}',
      }),
    )
    expect(post.status).toBe(201)
    expect(post.headers.get(ACAO)).toBe(APP)
  })

  it('Netlify: the context passes through to the handler, the grant is on its answer', async () => {
    const res = await netlify(
      new Request('https://x.netlify.app/api/notes/7', { headers: { origin: APP } }),
      {
        params: { id: '7' },
      },
    )
    expect(await res.json()).toEqual({ id: '7' })
    expect(res.headers.get(ACAO)).toBe(APP)
    const refused = await netlify(
      new Request('https://x.netlify.app/api/notes/7', {
        method: 'OPTIONS',
        headers: preflight(EVIL, 'GET'),
      }),
      { params: { id: '7' } },
    )
    expect(refused.status).toBe(403)
  })
})

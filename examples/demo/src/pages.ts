/**
 * The two page origins: the front-end the API lists, and a second origin it does not list.
 * Both serve plain files from `public/` plus `/config.json`, which tells the page where
 * everything lives.
 */
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/** Where the demo's three origins live, as the page sees them. */
export interface DemoUrls {
  app: string
  other: string
  api: string
}

/** What `/config.json` tells the pages: the origins, and the API's policy as source text. */
export interface DemoConfig extends DemoUrls {
  policy: string
}

/** A page server handler: `files` maps URL paths to files in `public/`. */
export function pages(
  files: Record<string, string>,
  config: () => DemoConfig,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname === '/config.json')
      return Response.json(config(), { headers: { 'cache-control': 'no-store' } })
    const file = files[pathname]
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('not found', { status: 404 })
    }
    const body = await readFile(PUBLIC + file)
    return new Response(body, {
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      },
    })
  }
}

/** The front-end page, on the origin the API lists. */
export const APP_FILES = {
  '/': 'index.html',
  '/demo.css': 'demo.css',
  '/demo.js': 'demo.js',
  '/favicon.svg': 'favicon.svg',
}

/** The page on the unlisted origin: the front-end loads it in a frame and asks it to call the API. */
export const OTHER_FILES = {
  '/': 'other.html',
  '/other.js': 'other.js',
  '/demo.css': 'demo.css',
  '/favicon.svg': 'favicon.svg',
}

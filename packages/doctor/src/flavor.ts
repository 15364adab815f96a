/**
 * Which CORS library answered, guessed from the marks each leaves on its responses, and what
 * each calls its options, so a fix can name the option to change.
 */
import type { ServerFlavor } from './plan'
import type { ResponseHeaders } from './transport'

/** Option names per library, for the same concern. */
export interface OptionNames {
  /** How to write a call, e.g. `cors({ … })`. */
  call: string
  label: string
  origin: string
  methods: string
  allowedHeaders: string
  exposedHeaders: string
  credentials: string
}

export const OPTION_NAMES: Record<Exclude<ServerFlavor, 'unknown'>, OptionNames> = {
  corsica: {
    call: 'createCors({ … })',
    label: 'Corsica',
    origin: 'origin',
    methods: 'methods',
    allowedHeaders: 'allowedHeaders',
    exposedHeaders: 'exposedHeaders',
    credentials: 'credentials',
  },
  hono: {
    call: 'cors({ … }) from hono/cors',
    label: 'hono/cors',
    origin: 'origin',
    methods: 'allowMethods',
    allowedHeaders: 'allowHeaders',
    exposedHeaders: 'exposeHeaders',
    credentials: 'credentials',
  },
  express: {
    call: 'cors({ … }) (the cors package)',
    label: 'express cors()',
    origin: 'origin',
    methods: 'methods',
    allowedHeaders: 'allowedHeaders',
    exposedHeaders: 'exposedHeaders',
    credentials: 'credentials',
  },
}

/** Default Access-Control-Allow-Methods values, as each library writes them. */
const HONO_METHODS = /^GET,HEAD,PUT,POST,DELETE,PATCH(,QUERY)?$/
const EXPRESS_CORS_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE'

/**
 * Guesses the library from the responses seen (preflights and actual responses):
 * - Corsica lists `Access-Control-Request-Method` in a preflight's Vary (no other does);
 * - express answers with `X-Powered-By: Express`, and the cors package's default methods are
 *   `GET,HEAD,PUT,PATCH,POST,DELETE`;
 * - hono/cors's default methods are `GET,HEAD,PUT,POST,DELETE,PATCH[,QUERY]`.
 */
export function detectFlavor(responses: ReadonlyArray<ResponseHeaders>): ServerFlavor {
  const vary = responses.map((h) => (h.get('vary') ?? '').toLowerCase())
  if (vary.some((v) => v.includes('access-control-request-method'))) return 'corsica'
  const methods = responses.map((h) => h.get('access-control-allow-methods') ?? '')
  const poweredBy = responses.map((h) => (h.get('x-powered-by') ?? '').toLowerCase())
  if (poweredBy.includes('express') || methods.includes(EXPRESS_CORS_METHODS)) return 'express'
  if (methods.some((m) => HONO_METHODS.test(m))) return 'hono'
  return 'unknown'
}

/**
 * The command line: `corsica doctor <url> --origin <origin> [options]`, and
 * `corsica explain "<console line>" [--server <name>] [--json]`.
 */
import { parseArgs } from 'node:util'
import { type DoctorInput, type ServerFlavor, UsageError } from './plan'

export const USAGE = `Usage: corsica doctor <url> --origin <origin> [options]
       corsica explain "<console line>" [--server <name>] [--json]

Does what a browser does for a cross-origin fetch() from <origin> to <url>, and says
exactly why it would be blocked and what to change on the server.

Options:
      --origin <origin>      the calling page's origin, e.g. https://app.example.com (or null)
  -X, --method <method>      request method (default GET); sent as fetch() sends it
  -H, --header "Name: value" a header the page sets (repeatable)
      --credentials          credentials: 'include' (cookies; a Cookie --header is then sent)
      --private-network      a public page calling a private-network server (Private Network Access)
  -d, --data <body>          a request body for the actual request
      --timeout <time>       per-request limit: 10, 10s or 500ms (default 10 s)
      --deadline <time>      limit for the whole run, every request and probe together
                             (default 60 s, or --timeout when that is longer)
      --server <name>        word fixes for corsica, hono, express or unknown (default: detect)
      --no-probe             send no extra preflights to find causes and risks
      --json                 print the verdict as JSON
  -h, --help                 show this help

explain reads the line a browser printed (Chromium, Firefox or WebKit; from the argument, or
from stdin when there is none) and says what it means, which response is at fault, the fix for
Corsica, hono/cors and express cors() (or the one --server names), and the doctor command.

Exit codes: 0 a browser would allow it, 1 it would block it, 2 usage or network error.
explain: 0 the line was recognised, 2 it was not.
`

/** What the CLI was asked to do. */
export type Command =
  | { kind: 'help' }
  | { kind: 'doctor'; input: DoctorInput; json: boolean }
  /** `line` null: read it from stdin. */
  | { kind: 'explain'; line: string | null; server: ServerFlavor | 'auto'; json: boolean }

const SERVERS = ['corsica', 'hono', 'express', 'unknown', 'auto']

/** Parses argv (without node and the script path). Throws UsageError. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''))
  }
  const { values, positionals } = parsed
  if (values.help) return { kind: 'help' }
  const [command, url, ...extra] = positionals
  if (command === undefined) throw new UsageError('missing command: corsica doctor <url> --origin <origin>')
  if (command === 'explain') {
    const server = values.server ?? 'auto'
    if (!SERVERS.includes(server)) throw new UsageError(`--server must be one of ${SERVERS.join(', ')}`)
    // An unquoted line arrives as several words: put them back together.
    const words = positionals.slice(1)
    return {
      kind: 'explain',
      line: words.length === 0 ? null : words.join(' '),
      server: server as ServerFlavor | 'auto',
      json: values.json === true,
    }
  }
  if (command !== 'doctor')
    throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are doctor and explain`)
  if (url === undefined) throw new UsageError('missing <url>: corsica doctor <url> --origin <origin>')
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`)
  if (values.origin === undefined)
    throw new UsageError(
      'missing --origin: the origin of the page making the call, e.g. --origin https://app.example.com',
    )
  const server = values.server ?? 'auto'
  if (!SERVERS.includes(server)) throw new UsageError(`--server must be one of ${SERVERS.join(', ')}`)
  const input: DoctorInput = {
    url,
    origin: values.origin,
    method: values.method ?? 'GET',
    headers: values.header ?? [],
    credentials: values.credentials === true,
    privateNetwork: values['private-network'] === true,
    timeoutMs: values.timeout === undefined ? 10_000 : parseTimeout(values.timeout, '--timeout'),
    server: server as ServerFlavor | 'auto',
    probe: values['no-probe'] !== true,
  }
  if (values.deadline !== undefined) input.deadlineMs = parseTimeout(values.deadline, '--deadline')
  if (values.data !== undefined) input.body = values.data
  return { kind: 'doctor', input, json: values.json === true }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      origin: { type: 'string' },
      method: { type: 'string', short: 'X' },
      header: { type: 'string', short: 'H', multiple: true },
      credentials: { type: 'boolean' },
      'private-network': { type: 'boolean' },
      data: { type: 'string', short: 'd' },
      timeout: { type: 'string' },
      deadline: { type: 'string' },
      server: { type: 'string' },
      'no-probe': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

/** `10` and `10s` are seconds, `500ms` milliseconds; between 1 ms and 10 minutes. */
function parseTimeout(raw: string, option: '--timeout' | '--deadline'): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(raw.trim())
  const ms = m ? Number(m[1]) * (m[2] === 'ms' ? 1 : 1000) : Number.NaN
  if (!(ms >= 1 && ms <= 600_000))
    throw new UsageError(
      `${option} ${JSON.stringify(raw)} is not a time like 10, 10s or 500ms (at most 600 s)`,
    )
  return Math.round(ms)
}

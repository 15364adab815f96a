/**
 * Output: the JSON verdict (exactly the fields the issue names), and the human account, step by
 * step, coloured only when asked (the CLI asks when stdout is a TTY). In the human account every
 * value that came from the server (or the command line) passes through escapeControls (`e`), so
 * the only control characters printed are the report's own colours and line breaks.
 */
import type { Diagnosis } from './diagnose'
import { OPTION_NAMES } from './flavor'
import { escapeControls as e } from './sanitise'
import type { Exchange } from './transport'

/** The `--json` verdict. */
export interface JsonVerdict {
  allowed: boolean
  preflight: boolean
  /**
   * `secondary`: checks failing only because of this problem (present when any); `engines`: what
   * each engine does today where it departs from the standard (present on such problems).
   */
  problems: Array<{
    code: string
    message: string
    fix: string
    secondary?: string[]
    engines?: { departure: string; chromium: string; firefox: string; webkit: string }
  }>
  warnings: Array<{ code: string; message: string; fix: string }>
  exposedHeaders: string[]
}

/** The `--json` shape of a diagnosis. */
export function toJson(d: Diagnosis): JsonVerdict {
  return {
    allowed: d.allowed,
    preflight: d.preflight,
    problems: d.problems.map(({ code, message, fix, secondary, engines }) => ({
      code,
      message,
      fix,
      ...(secondary.length > 0 ? { secondary } : {}),
      ...(engines ? { engines: { departure: engines.departure, ...engines.verdicts } } : {}),
    })),
    warnings: d.warnings.map(({ code, message, fix }) => ({ code, message, fix })),
    exposedHeaders: d.exposedHeaders,
  }
}

interface Paint {
  bold(s: string): string
  dim(s: string): string
  red(s: string): string
  green(s: string): string
  yellow(s: string): string
  cyan(s: string): string
}

const ansi = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`
const COLOR: Paint = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
  cyan: ansi(36, 39),
}
const id = (s: string) => s
const PLAIN: Paint = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id }

/** CORS-relevant response headers, shown in the account; others are counted, not listed. */
function isCorsHeader(name: string): boolean {
  return (
    name.startsWith('access-control-') || name === 'vary' || name === 'location' || name === 'x-powered-by'
  )
}

function exchangeLines(ex: Exchange, p: Paint, shownRequest: (name: string) => boolean): string[] {
  const out = [`   ${p.cyan('→')} ${e(ex.method)} ${e(ex.url)}`]
  for (const [n, v] of ex.requestHeaders) if (shownRequest(n)) out.push(p.dim(`       ${e(n)}: ${e(v)}`))
  const status = e(`${ex.status} ${ex.statusText}`.trim())
  out.push(`   ${p.cyan('←')} ${ex.status >= 200 && ex.status < 300 ? status : p.yellow(status)}`)
  const lines = ex.headers.lines()
  const cors = lines.filter(([n]) => isCorsHeader(n))
  for (const [n, v] of cors) out.push(p.dim(`       ${e(n)}: ${e(v)}`))
  if (cors.filter(([n]) => n.startsWith('access-control-')).length === 0) {
    out.push(p.dim('       (no Access-Control-* headers)'))
  }
  return out
}

const NOT_WORTH_EXPOSING = new Set(['connection', 'keep-alive', 'transfer-encoding', 'vary', 'x-powered-by'])

const PREFLIGHT_SHOWN = new Set([
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-request-private-network',
])

/** The human account of a diagnosis. */
export function toText(d: Diagnosis, color: boolean): string {
  const p = color ? COLOR : PLAIN
  const { plan } = d
  const out: string[] = []
  const creds = plan.credentials ? " with credentials: 'include'" : ''
  out.push(
    `${p.bold('corsica doctor')}  ${e(plan.method)} ${e(plan.url.href)}  from ${e(plan.origin)}${creds}`,
  )
  out.push('')

  let step = 1
  if (d.preflight) {
    out.push(`${p.bold(`${step++}. Preflight`)}: needed, because`)
    for (const r of plan.preflightReasons) out.push(`     - ${e(r)}`)
    if (d.preflightExchange) out.push(...exchangeLines(d.preflightExchange, p, (n) => PREFLIGHT_SHOWN.has(n)))
  } else {
    out.push(
      `${p.bold(`${step++}. Preflight`)}: none (a simple request: ${e(plan.method)}${plan.headers.length > 0 ? ' and CORS-safelisted headers only' : ''})`,
    )
  }
  if (d.actualExchange) {
    out.push(`${p.bold(`${step++}. Request`)}:`)
    out.push(
      ...exchangeLines(
        d.actualExchange,
        p,
        (n) => n === 'origin' || plan.headers.some(([h]) => h.toLowerCase() === n),
      ),
    )
  } else if (d.actualSkipped) {
    out.push(`${p.bold(`${step++}. Request`)}: not sent: ${e(d.actualSkipped)}.`)
  }
  if (d.cause && d.cause.kind !== 'unknown') {
    out.push(
      `${p.bold(`${step++}. Probes`)}: ${d.probes.length} extra preflight${d.probes.length === 1 ? '' : 's'} to find the cause: ${e(describeCause(d))}`,
    )
  }
  out.push('')

  const server = d.server === 'unknown' ? '' : p.dim(`  (server looks like ${OPTION_NAMES[d.server].label})`)
  if (d.allowed) {
    out.push(`${p.green(p.bold('✓ Allowed'))}: a browser lets the page read this response.${server}`)
  } else {
    const n = d.problems.length
    out.push(
      `${p.red(p.bold('✗ Blocked'))}: ${n} problem${n === 1 ? '' : 's'}; the browser reports the first.${server}`,
    )
    d.problems.forEach((pr, i) => {
      out.push('')
      out.push(
        `  ${i + 1}. ${p.red(e(pr.code))} ${p.dim(`(${pr.step === 'preflight' ? 'preflight response' : 'response'})`)}`,
      )
      out.push(`     ${p.dim('Console:')} ${e(pr.message)}`)
      out.push(`     ${p.bold('Fix:')} ${e(pr.fix)}`)
      if (pr.secondary.length > 0) {
        out.push(
          p.dim(
            `     Same cause, not separate problems: ${pr.secondary.join(', ')} (another browser may name one of these instead).`,
          ),
        )
      }
      if (pr.engines) {
        const v = pr.engines.verdicts
        out.push(
          `     ${p.bold('Engines today:')} Chromium ${v.chromium}, Firefox ${v.firefox}, WebKit ${v.webkit}; the standard blocks it (${pr.engines.departure}).`,
        )
      }
    })
  }

  for (const note of d.notes) out.push(`${p.dim('Note:')} ${e(note)}`)

  if (d.readable) {
    out.push('')
    out.push(`Script can read: ${e(d.readable.exposed.join(', ')) || '(no headers)'}`)
    // Connection-level and CORS headers are hidden too, but nobody wants to read them.
    const hidden = d.readable.hidden.filter(
      (n) => !NOT_WORTH_EXPOSING.has(n) && !n.startsWith('access-control-'),
    )
    if (hidden.length > 0) {
      out.push(
        p.dim(
          `Hidden from script: ${e(hidden.join(', '))} (list them in Access-Control-Expose-Headers to expose them)`,
        ),
      )
    }
    if (d.readable.listedAbsent.length > 0) {
      out.push(p.dim(`Exposed but not in this response: ${e(d.readable.listedAbsent.join(', '))}`))
    }
  }

  if (d.warnings.length > 0) {
    out.push('')
    out.push(p.yellow(p.bold(`Warnings (${d.warnings.length})`)))
    for (const w of d.warnings) {
      out.push(`  ${p.yellow('!')} ${p.yellow(w.code)}: ${e(w.message)}`)
      out.push(`    ${p.bold('Fix:')} ${e(w.fix)}`)
    }
  }
  return `${out.join('\n')}\n`
}

function describeCause(d: Diagnosis): string {
  const c = d.cause!
  switch (c.kind) {
    case 'origin':
      return `even a bare preflight from ${d.plan.origin} is refused: the origin is not allowed.`
    case 'not-handled':
      return 'no preflight gets any CORS header: nothing answers OPTIONS here.'
    case 'request': {
      const parts: string[] = []
      if (c.method)
        parts.push(
          `method ${d.plan.method}${c.caseMismatch ? ` (${d.plan.method.toUpperCase()} is allowed)` : ''}`,
        )
      if (c.headers.length > 0) parts.push(`header${c.headers.length > 1 ? 's' : ''} ${c.headers.join(', ')}`)
      if (c.privateNetwork) parts.push('private network access')
      return `the origin is allowed; the server refuses ${parts.join(' and ')}.`
    }
    default:
      return ''
  }
}

/**
 * @module The `corsica` bin. Exit codes: 0 a browser would allow the call, 1 it would block it,
 * 2 a usage error, an invalid URL or origin, or a network failure (one line, no stack trace).
 * `corsica explain`: 0 the console line was recognised, 2 it was not.
 */
import { parseCommand, USAGE } from './args'
import { MAX_CONSOLE_TEXT } from './console-lines'
import { diagnose } from './diagnose'
import { explain, explanationText, RECOGNISED } from './explain'
import { UsageError } from './plan'
import { toJson, toText } from './report'
import { escapeControls, safeJson } from './sanitise'
import { NetworkError } from './transport'

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true
  return process.stdout.isTTY === true
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(argv)
    if (command.kind === 'help') {
      process.stdout.write(USAGE)
      return 0
    }
    if (command.kind === 'explain') {
      const line = command.line ?? (await readStdin())
      const x = explain(line, command.server)
      if (x === null) {
        process.stderr.write(`corsica: not a CORS console line the doctor knows\n\n${RECOGNISED}`)
        return 2
      }
      const { line: read, ...rest } = x
      process.stdout.write(command.json ? `${safeJson({ ...rest, line: read })}\n` : explanationText(x))
      return 0
    }
    const diagnosis = await diagnose(command.input)
    process.stdout.write(command.json ? `${safeJson(toJson(diagnosis))}\n` : toText(diagnosis, useColor()))
    return diagnosis.allowed ? 0 : 1
  } catch (error) {
    if (error instanceof UsageError || error instanceof NetworkError) {
      process.stderr.write(`corsica: ${escapeControls(error.message)}\n`)
      if (
        error instanceof UsageError &&
        /missing command|unknown command|unexpected argument|Unknown option|missing console line/.test(
          error.message,
        )
      ) {
        process.stderr.write(`\n${USAGE}`)
      }
      return 2
    }
    process.stderr.write(
      `corsica: unexpected error: ${escapeControls((error as Error)?.message ?? String(error))}\n`,
    )
    return 2
  }
}

/** The console line from stdin; a usage error on a terminal (nothing was piped). */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      'missing console line: corsica explain "<the line the browser printed>" (or pipe it in)',
    )
  }
  // Only the first MAX_CONSOLE_TEXT characters are read (console-lines.ts): stop there.
  let text = ''
  for await (const chunk of process.stdin) {
    text += chunk
    if (text.length >= MAX_CONSOLE_TEXT) break
  }
  return text.slice(0, MAX_CONSOLE_TEXT)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  () => {
    process.exitCode = 2
  },
)

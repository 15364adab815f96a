/**
 * @module The `corsica` bin. Exit codes: 0 a browser would allow the call, 1 it would block it,
 * 2 a usage error, an invalid URL or origin, or a network failure (one line, no stack trace).
 */
import { parseCommand, USAGE } from './args'
import { diagnose } from './diagnose'
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
    const diagnosis = await diagnose(command.input)
    process.stdout.write(command.json ? `${safeJson(toJson(diagnosis))}\n` : toText(diagnosis, useColor()))
    return diagnosis.allowed ? 0 : 1
  } catch (error) {
    if (error instanceof UsageError || error instanceof NetworkError) {
      process.stderr.write(`corsica: ${escapeControls(error.message)}\n`)
      if (
        error instanceof UsageError &&
        /missing command|unknown command|unexpected argument|Unknown option/.test(error.message)
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  () => {
    process.exitCode = 2
  },
)

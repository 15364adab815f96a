/** The error createCors throws for bad options: every problem at once, each with its fix. */

/** One problem found in the CORS options. */
export interface ConfigProblem {
  /** The option at fault, e.g. `origin` or `origin[2]`. */
  option: string
  /** What is wrong, naming the value. */
  problem: string
  /** How to fix it. */
  fix: string
}

/**
 * Thrown by `createCors` (and every adapter) at start-up when the options are wrong.
 * `problems` lists every problem found, not just the first.
 */
export class CorsConfigError extends Error {
  declare readonly name: 'CorsConfigError'
  declare readonly problems: readonly ConfigProblem[]

  constructor(problems: readonly ConfigProblem[]) {
    super(formatProblems(problems))
    // Not enumerable: Node prints an error's own enumerable properties after its stack, which
    // would show every problem a second time. The message already lists them.
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false })
  }

  /**
   * Starts the stack at the call to `entry` (createCors, or an adapter's own function), so its
   * first line is the user's code, not Corsica's.
   */
  static fromCall(error: CorsConfigError, entry: (...args: never[]) => unknown): CorsConfigError {
    // V8 (Node, Deno, workerd, Bun's JSC has it too); elsewhere the stack stays as it is.
    const capture = (Error as { captureStackTrace?: (e: object, f: unknown) => void }).captureStackTrace
    capture?.(error, entry)
    return error
  }
}
// On the prototype, like Error's own name: not printed as an extra property either.
Object.defineProperty(CorsConfigError.prototype, 'name', {
  value: 'CorsConfigError',
  writable: true,
  configurable: true,
})

function formatProblems(problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
  return `${count} in CORS options\n${problemLines(problems)}`
}

/** Each problem on two lines, `  - option: problem` and `    Fix: fix`. */
export function problemLines(problems: readonly ConfigProblem[]): string {
  return problems.map((p) => `  - ${p.option}: ${p.problem}\n    Fix: ${p.fix}`).join('\n')
}

/** Shows a configured value the way a user would have written it. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (value instanceof RegExp) return String(value)
  if (typeof value === 'function') return 'a function'
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`
  if (value === null || typeof value !== 'object') return String(value)
  try {
    return JSON.stringify(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

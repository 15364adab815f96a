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
  override readonly name = 'CorsConfigError'
  readonly problems: readonly ConfigProblem[]

  constructor(problems: readonly ConfigProblem[]) {
    super(formatProblems(problems))
    this.problems = problems
  }
}

function formatProblems(problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
  const lines = problems.map((p) => `  - ${p.option}: ${p.problem}\n    Fix: ${p.fix}`)
  return `${count} in CORS options\n${lines.join('\n')}`
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

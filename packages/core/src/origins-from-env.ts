/**
 * The `origin` option from an environment variable: `ALLOWED_ORIGINS="https://a.example.com,
 * https://b.example.com"` is how most apps hold their list. The value is split here, and every
 * problem is named after the variable, where the fix has to be made.
 */
import { type ConfigProblem, CorsConfigError } from './errors.ts'
import { compileOrigin } from './origin.ts'

/**
 * Splits an environment variable's value into the `origin` option: origins separated by commas
 * and/or white space, or exactly `*` for a public API.
 * @param value the variable's value (Node: read from the process env; Workers: `env.ALLOWED_ORIGINS`); unset is refused.
 * @param name the variable's name, for the messages.
 * @throws CorsConfigError when the value is unset or empty, holds an empty entry (`a,,b`), `*`
 *   among origins, quotes, or an origin `createCors` would refuse; each problem names the variable.
 * @example createCors({ origin: originsFromEnv(env.ALLOWED_ORIGINS), credentials: true })
 */
export function originsFromEnv(value: string | null | undefined, name = 'ALLOWED_ORIGINS'): string[] | '*' {
  const problems: ConfigProblem[] = []
  const example = `${name}="https://app.example.com https://admin.example.com"`
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({
      option: name,
      problem: `is ${typeof value === 'string' ? 'empty' : 'not set'}, so no origin could be allowed.`,
      fix: `set it to the origins of your front ends, separated by commas or spaces (${example}), or to '*' for a public API that uses no cookies.`,
    })
    throw new CorsConfigError(problems)
  }
  if (value.trim() === '*') return '*'

  const origins: string[] = []
  const parts = value.split(',')
  parts.forEach((part, i) => {
    const entries = part.trim() === '' ? [] : part.trim().split(/\s+/)
    if (entries.length === 0) {
      const where = i === 0 ? 'starts with' : i === parts.length - 1 ? 'ends with' : 'has'
      problems.push({
        option: name,
        problem: `${where} an empty entry (${JSON.stringify(value.slice(0, 200))}): two commas with nothing between them, or a comma at an end.`,
        fix: `remove the extra comma from ${name}.`,
      })
    }
    origins.push(...entries)
  })
  if (origins.includes('*')) {
    problems.push({
      option: name,
      problem: "holds '*' among other origins; '*' means every origin, so it cannot be one of a list.",
      fix: `remove '*' from ${name} or set it to exactly '*'.`,
    })
  }
  const quoted = origins.find((o) => /^["'`]|["'`]$/.test(o))
  if (quoted !== undefined) {
    problems.push({
      option: name,
      problem: `holds ${quoted}: the quotes are part of the value (a .env or compose file that keeps them), and no origin has quotes.`,
      fix: `remove the quotes from the value of ${name}.`,
    })
  }
  if (problems.length === 0) {
    // Every origin as createCors will check it (credentials aside), named by its place in the variable.
    const found: ConfigProblem[] = []
    // Subdomain patterns are checked by createCors (against the Public Suffix List in the full
    // entry): this module stays in the lite entry's bundle, which never holds the list.
    // The compiled origins are not kept: an index that keeps nothing.
    const subdomains = Object.assign(() => null, {
      patterns: () => ({ size: 0, add() {}, matches: () => false }),
    })
    compileOrigin(origins, { secureOnly: false, subdomains }, found)
    for (const p of found) problems.push({ ...p, option: p.option.replace(/^origin/, name) })
  }
  if (problems.length > 0) throw new CorsConfigError(problems)
  return origins
}

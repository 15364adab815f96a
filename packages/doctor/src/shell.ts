/**
 * The commands the doctor and `corsica explain` print are meant to be pasted into a shell, and
 * most of what they hold came from elsewhere: a redirect's Location, an origin read from a
 * pasted console line, the URL and origin typed on the command line. Browsers send origins whose
 * host holds `;`, `$`, `(`, `&` or backticks (the URL standard forbids none of them in a host), so
 * every such value is quoted here, and nowhere else: one helper, used for every command.
 */

/** Words the shell reads as themselves: no quoting needed (and none added, for readability). */
const PLAIN = /^[A-Za-z0-9@%+=:,./_-]+$/

/**
 * `value` as one POSIX shell word that the shell reads back exactly (POSIX, Shell Command
 * Language, 2.2.3 Single-Quotes: nothing inside single quotes is special, and a single quote
 * cannot appear there, so each `'` is written `'\''`).
 */
export function shellQuote(value: string): string {
  if (PLAIN.test(value)) return value
  return `'${value.replace(/'/g, "'\\''")}'`
}

/**
 * A `corsica …` command line: `words` are the doctor's own (the command, option names and
 * `<placeholder>`s, printed as written); every value, that is every element wrapped in
 * `{ value }`, is quoted.
 */
export function shellCommand(...parts: ReadonlyArray<string | { value: string }>): string {
  return parts.map((p) => (typeof p === 'string' ? p : shellQuote(p.value))).join(' ')
}

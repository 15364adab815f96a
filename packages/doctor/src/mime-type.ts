/**
 * Just enough of the MIME Sniffing standard's "parse a MIME type"
 * (https://mimesniff.spec.whatwg.org/#parse-a-mime-type) to get a Content-Type's essence, which
 * decides whether the header is CORS-safelisted. Parameters never make parsing fail, so they
 * are not read.
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** HTTP whitespace: tab, LF, CR, space. */
const LEADING_TRAILING_WS = /^[\t\n\r ]+|[\t\n\r ]+$/g

/** `text/plain; charset=utf-8` → `text/plain`; null when the value is not a MIME type. */
export function mimeEssence(value: string): string | null {
  const input = value.replace(LEADING_TRAILING_WS, '')
  const slash = input.indexOf('/')
  if (slash === -1) return null
  const type = input.slice(0, slash)
  if (!TOKEN.test(type)) return null
  const semicolon = input.indexOf(';', slash + 1)
  const subtype = input.slice(slash + 1, semicolon === -1 ? undefined : semicolon).replace(/[\t\n\r ]+$/, '')
  if (!TOKEN.test(subtype)) return null
  return `${type}/${subtype}`.toLowerCase()
}

/** What a subject answered: the status and the CORS headers, kept to show every subject was wired right. */

/** The status and the CORS response headers of one answer (long values cut to 60 characters). */
export interface Answer {
  status: number
  headers: Record<string, string>
}

const corsHeaders = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-max-age',
  'vary',
]

/** Reads the answer off a response. */
export function describe(response: Response): Answer {
  const headers: Record<string, string> = {}
  for (const name of corsHeaders) {
    const value = response.headers.get(name)
    if (value !== null) headers[name] = value.length > 60 ? `${value.slice(0, 57)}...` : value
  }
  return { status: response.status, headers }
}

/** A few characters for the table: status, then `+` when Access-Control-Allow-Origin is present. */
export function shortAnswer(answer: Answer): string {
  return `${answer.status}${answer.headers['access-control-allow-origin'] === undefined ? '' : '+'}`
}

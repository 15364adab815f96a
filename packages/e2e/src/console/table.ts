/**
 * Reads the troubleshooting guide's console lines: after each `<!-- refusal: id -->` marker, a
 * table whose rows name a browser and quote the line its console prints (with `<url>` and
 * `<origin>` for the request's URL and the page's origin), or say in words that it prints none.
 */
import { readFileSync } from 'node:fs'

export type Engine = 'Chromium' | 'Firefox' | 'WebKit'

export const GUIDE = new URL('../../../../docs/troubleshooting.md', import.meta.url)

/** For each refusal id, each engine's lines (an empty list: the engine prints none, the call is allowed). */
export function guideLines(text = readFileSync(GUIDE, 'utf8')): Map<string, Map<Engine, string[]>> {
  const out = new Map<string, Map<Engine, string[]>>()
  let current: Map<Engine, string[]> | null = null
  for (const line of text.split('\n')) {
    const marker = /^<!-- refusal: ([a-z-]+) -->$/.exec(line)
    if (marker) {
      current = new Map()
      out.set(marker[1]!, current)
      continue
    }
    const row = /^\| (Chromium|Firefox|WebKit)[^|]*\| (.*?) +\|$/.exec(line)
    if (!row || current === null) continue
    const engine = row[1] as Engine
    const lines = current.get(engine) ?? []
    current.set(engine, lines)
    // A code span, with as many backticks around it as it needs (Chromium quotes `loopback`).
    const code = /^(`+) ?(.*?) ?\1$/.exec(row[2]!)
    if (code) lines.push(code[2]!)
  }
  return out
}

/** A captured line as the guide writes it. */
export function generic(line: string, url: string, origin: string): string {
  return line.replaceAll(url, '<url>').replaceAll(origin, '<origin>')
}

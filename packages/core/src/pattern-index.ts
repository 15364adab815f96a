/**
 * Origin patterns indexed once, at createCors: a lookup walks the request's host labels once,
 * right to left, so it costs O(length of the origin) whether the policy has 4 patterns or 40,000.
 */

/** `https://*.example.com[:port|:*]` (a suffix), or `http://localhost:*` (a host, any port). */
export interface OriginPattern {
  scheme: string
  /** `.example.com`: what the host must end with, after at least one label. */
  suffix: string
  /** An exact host when only the port is a wildcard. */
  host: string | null
  /** `''` for the default port, a number as text, or `*` for any port (or none). */
  port: string
}

/** A node of the tree of reversed host labels: `com` → `example` holds `*.example.com`. */
interface LabelNode {
  children: Map<string, LabelNode>
  /**
   * The ports of each scheme whose patterns end here, by scheme: `https` → `''` (the default
   * port), `8443`, or `*` (any).
   */
  ends: Map<string, Set<string>> | null
}

const PORT = /^[0-9]{1,5}$/
const HOST_LABELS = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/

/** What the policy asks of its patterns: {@link PatternIndex}, or {@link PortPatterns} in the lite entry. */
export interface OriginPatterns {
  /** 0 when there are none. */
  readonly size: number
  add(p: OriginPattern): void
  /** Whether a serialized origin (`scheme://host[:port]`, already checked) matches a pattern. */
  matches(origin: string): boolean
}

/** Every kind of pattern: the full entry's. */
export class PatternIndex implements OriginPatterns {
  /** `scheme://host` of each `scheme://host:*`. */
  readonly #anyPort = new Set<string>()
  readonly #root: LabelNode = { children: new Map(), ends: null }
  #size = 0

  get size(): number {
    return this.#size
  }

  add(p: OriginPattern): void {
    this.#size++
    if (p.host !== null) {
      this.#anyPort.add(`${p.scheme}://${p.host}`)
      return
    }
    let node = this.#root
    for (const label of p.suffix.slice(1).split('.').reverse()) {
      let next = node.children.get(label)
      if (next === undefined) {
        next = { children: new Map(), ends: null }
        node.children.set(label, next)
      }
      node = next
    }
    node.ends ??= new Map()
    const ports = node.ends.get(p.scheme) ?? new Set<string>()
    node.ends.set(p.scheme, ports.add(p.port))
  }

  /** Whether a serialized origin (`scheme://host[:port]`, already checked) matches a pattern. */
  matches(origin: string): boolean {
    if (this.#size === 0) return false
    const sep = origin.indexOf('://')
    if (sep <= 0) return false
    // The usual scheme without a copy of it (a constant's hash is computed once).
    const scheme = sep === 5 && origin.startsWith('https') ? 'https' : origin.slice(0, sep)
    const hostStart = sep + 3
    let hostEnd = origin.length
    let port = ''
    const colon = origin.lastIndexOf(':')
    if (colon >= hostStart && !origin.endsWith(']')) {
      hostEnd = colon
      port = origin.slice(colon + 1)
      if (!PORT.test(port)) return false
    }
    if (this.#anyPort.size > 0 && this.#anyPort.has(origin.slice(0, hostEnd))) return true
    // Walk the labels from the right; a suffix matches only with one or more whole labels
    // before it: never the apex, never "evilexample.com".
    let node = this.#root
    let end = hostEnd
    for (
      let dot = origin.lastIndexOf('.', end - 1);
      dot >= hostStart;
      dot = origin.lastIndexOf('.', end - 1)
    ) {
      const next = node.children.get(origin.slice(dot + 1, end))
      if (next === undefined) return false
      node = next
      end = dot
      const ports = node.ends?.get(scheme)
      if (ports !== undefined && (ports.has(port) || ports.has('*'))) {
        if (HOST_LABELS.test(origin.slice(hostStart, dot))) return true
      }
    }
    return false
  }
}

/**
 * Port patterns only (`http://localhost:*`): the lite entry's, which refuses subdomain patterns,
 * so that its bundle holds no tree of labels. Answers as {@link PatternIndex} with the same
 * patterns does.
 */
export class PortPatterns implements OriginPatterns {
  /** `scheme://host` of each `scheme://host:*`. */
  readonly #hosts = new Set<string>()

  get size(): number {
    return this.#hosts.size
  }

  /** Adds a port pattern (`host` set); the lite entry never gives another kind. */
  add(p: OriginPattern): void {
    this.#hosts.add(`${p.scheme}://${p.host}`)
  }

  matches(origin: string): boolean {
    if (this.#hosts.size === 0) return false
    const sep = origin.indexOf('://')
    if (sep <= 0) return false
    let hostEnd = origin.length
    const colon = origin.lastIndexOf(':')
    if (colon >= sep + 3 && !origin.endsWith(']')) {
      if (!PORT.test(origin.slice(colon + 1))) return false
      hostEnd = colon
    }
    return this.#hosts.has(origin.slice(0, hostEnd))
  }
}

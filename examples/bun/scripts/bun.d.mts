/** The path of the Bun binary for this platform, from the `bun` package's optional dependencies. */
export function bunBinary(): string

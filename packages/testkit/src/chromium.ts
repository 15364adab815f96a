/**
 * Where the tests find Debian's Chromium (`apt-get install -y chromium`, done by .ci/system-deps)
 * and the flags they launch it with (DEVELOPERS.md): headless-friendly, offline, quiet.
 * A subpath of its own (`@corsica/testkit/chromium`): it reads `process.env`, which the
 * edge-runtime projects that import the main entry do not have.
 */
// Node only; the package's types stay runtime-neutral, so Node's one global used here is declared.
declare const process: { env: Record<string, string | undefined> }

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

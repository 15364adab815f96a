/** What an adapter says at start-up: the policy's one warning for settings that do nothing. */
import type { CorsOptions } from '@corsica/core'

/**
 * Starts an adapter with an `onError` function, and once with `onError: false`, and returns the
 * one warning the first start gave (the second must give none: rethrowing is what an adapter
 * that leaves errors to its framework does anyway). Each adapter's test checks its framework's
 * words in it.
 */
export async function onErrorNote(start: (options: CorsOptions) => unknown): Promise<string> {
  const origin = ['https://app.example.com']
  const shaped = await warningsOf(() => start({ origin, onError: () => new Response(null, { status: 503 }) }))
  const rethrown = await warningsOf(() => start({ origin, onError: false }))
  if (rethrown.length > 0) throw new Error(`onError: false warned: ${rethrown.join('\n')}`)
  if (shaped.length !== 1) throw new Error(`expected one warning, got ${shaped.length}: ${shaped.join('\n')}`)
  const [line] = shaped as [string]
  if (
    !line.startsWith('[corsica] 1 CORS setting does nothing and is ignored:\n  - onError: is never called: ')
  )
    throw new Error(`not the onError note: ${line}`)
  return line
}

async function warningsOf(start: () => unknown): Promise<string[]> {
  const seen: string[] = []
  const warn = console.warn
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '))
  try {
    await start()
  } finally {
    console.warn = warn
  }
  return seen
}

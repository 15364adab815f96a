/** `pnpm build [node|edge|all]`: builds the example's variants whose inputs changed. */
import { buildIfNeeded } from './next-app.mjs'

const which = process.argv[2] ?? 'all'
const runtimes = which === 'all' ? ['node', 'edge'] : [which]
for (const runtime of runtimes) {
  const { built } = await buildIfNeeded(runtime)
  if (!built) console.log(`[example-next] the ${runtime} variant is up to date`)
}

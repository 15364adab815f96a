/**
 * @module One child process of the micro benchmark (see micro-run.ts), in Node, Deno or Bun:
 * the task comes as the first argument, the result goes to stdout as one JSON line.
 */
import { childResult, RESULT_MARK } from './micro-run.js'

// `--before REV` (see importBefore): the earlier revision's bundles, from the directory main.ts names.
const before = process.env['CORSICA_BENCH_BEFORE']
if (before !== undefined) {
  ;(globalThis as { corsicaBenchBefore?: (name: string) => Promise<unknown> }).corsicaBenchBefore = (name) =>
    import(`${before}/${name}.js`)
}

const task = JSON.parse(process.argv[2]!)
const result = await childResult(task)
// Written in one call and then exited: no runtime keeps the process alive after it.
process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`, () => process.exit(result.ok ? 0 : 1))

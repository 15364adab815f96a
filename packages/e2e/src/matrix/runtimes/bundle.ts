/**
 * Bundles a runtime entry (the matrix API and the adapter under test) into one ES module, for
 * runtimes that load a single file: Deno and workerd.
 */
import { build } from 'esbuild'

/** Writes the bundle of `entry` to `outfile`. */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    logLevel: 'error',
  })
}

import type { NextConfig } from 'next'

/**
 * CORSICA_NEXT_RUNTIME picks the CORS layer: `node` builds proxy.node.ts (Next 16's proxy.ts),
 * `edge` builds middleware.edge.ts (middleware.ts on the edge runtime). Next finds its proxy or
 * middleware file by `pageExtensions`, so each variant adds one compound extension, and each
 * builds into its own folder so the two builds can sit side by side.
 */
const runtime = process.env.CORSICA_NEXT_RUNTIME === 'edge' ? 'edge' : 'node'

const config: NextConfig = {
  pageExtensions: ['tsx', 'ts', `${runtime}.ts`],
  distDir: `.next/${runtime}`,
  // The shared test table ships as TypeScript source (see lib/conformance.ts).
  transpilePackages: ['@corsica/testkit'],
}

export default config

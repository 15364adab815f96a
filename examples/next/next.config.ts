import { createCorsMiddleware } from '@corsica/next'
import type { NextConfig } from 'next'
import { corsOptions } from './lib/cors-options'

// Next loads this file first in `next build`, `next dev` and `next start`. Creating the CORS
// layer here throws its CorsConfigError (every problem, each with its fix) before anything is
// built or served, instead of a 500 on every matched request once the app is "Ready".
createCorsMiddleware(corsOptions)

const config: NextConfig = {}

export default config

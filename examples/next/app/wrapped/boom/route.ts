/** A wrapped handler that throws: withCors lets the exception reach Next, which answers 500. */
import { withCors } from '@corsica/next'
import { corsOptions } from '@/lib/cors-options'

function fail(): Response {
  throw new Error('boom')
}

export const { GET, OPTIONS } = withCors(corsOptions, { GET: fail })

/** Nitro v3 runs every file in middleware/ before the routes: the whole CORS setup is this one. */
import { cors } from '@corsica/h3'
import { corsOptions } from '../../src/cors-options.ts'

export default cors(corsOptions)

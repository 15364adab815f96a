// A module Worker. Lines ending in `// +corsica` are only in the app with Corsica, lines ending
// in `// -corsica` only in the app without it.
import { withCors } from 'ENTRY' // +corsica

const worker = { fetch: (request) => new Response(`ok ${request.url}`) }
export default worker // -corsica
export default withCors({ origin: ORIGINS }, worker) // +corsica

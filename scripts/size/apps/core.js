// A Worker answering 'ok'. Lines ending in `// +corsica` are only in the app with Corsica,
// lines ending in `// -corsica` only in the app without it (see scripts/check-size.mjs).
import { createCors } from 'ENTRY' // +corsica

const handler = (request) => new Response(`ok ${request.url}`)
export default { fetch: handler } // -corsica
export default { fetch: createCors({ origin: ORIGINS }).wrap(handler) } // +corsica

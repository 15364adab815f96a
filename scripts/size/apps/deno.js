// A Deno.serve handler. Lines ending in `// +corsica` are only in the app with Corsica, lines
// ending in `// -corsica` only in the app without it.
import { withCors } from 'ENTRY' // +corsica

const handler = (request) => new Response(`ok ${request.url}`)
Deno.serve(handler) // -corsica
Deno.serve(withCors({ origin: ORIGINS }, handler)) // +corsica

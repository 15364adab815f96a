import { cors } from '@corsica/sveltekit'
import type { Handle } from '@sveltejs/kit'
import { sequence } from '@sveltejs/kit/hooks'
import { corsOptions } from '$lib/cors'

/** The app's own hook, after CORS: a request id on every answer. */
const requestId: Handle = ({ event, resolve }) => {
  event.setHeaders({ 'x-request-id': event.request.headers.get('x-request-id') ?? crypto.randomUUID() })
  return resolve(event)
}

export const handle = sequence(cors(corsOptions), requestId)

import { apiHandler } from '@corsica/testkit'
import type { RequestHandler } from '@sveltejs/kit'
import { journal } from '../../../journal.ts'

/** Every method, OPTIONS included: the API's answer, when the hook lets the request through. */
export const fallback: RequestHandler = ({ request }) => {
  journal.handlerRan(request)
  return apiHandler()
}

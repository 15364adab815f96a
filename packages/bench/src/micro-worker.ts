/**
 * @module The micro benchmark inside workerd: a worker whose fetch runs the task in its body
 * (see micro-run.ts) and answers the result as JSON. Loaded by micro.ts through Miniflare.
 */
import { childResult } from './micro-run.js'

export default {
  async fetch(request: Request): Promise<Response> {
    return Response.json(await childResult(await request.json()))
  },
}

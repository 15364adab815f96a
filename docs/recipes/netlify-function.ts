/**
 * Recipe: a Netlify Function (`netlify/functions/notes.mts`). The default export gets a Fetch
 * Request and Netlify's context for every method at `config.path`, so `cors.wrap` answers
 * preflights and passes the context through. `netlify.toml` `[[headers]]` rules do not apply to
 * functions' answers, so CORS has to be done here. Tested by `platforms.test.ts`.
 */
import { createCors } from '@corsica/core'

const cors = createCors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] })

/** What the recipe reads of Netlify's context (`Context` from `@netlify/functions`). */
interface Context {
  params: Record<string, string>
}

export default cors.wrap(async (_request: Request, context: Context) =>
  Response.json({ id: context.params.id }),
)

export const config = { path: '/api/notes/:id' }

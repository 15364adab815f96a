// @corsica/core/lite through ESM `import`: answers the requests given as JSON in argv[2] and prints
// each response as { status, headers, body }.
import { createCors } from '@corsica/core/lite'

const cors = createCors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] })
const handler = cors.wrap(() => Response.json({ ok: true }))

const answers = {}
for (const [name, { method, headers }] of Object.entries(JSON.parse(process.argv[2]))) {
  const response = await handler(new Request('https://api.example.com/api/items', { method, headers }))
  answers[name] = {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  }
}
console.log(JSON.stringify(answers))

// @corsica/core/lite through CommonJS `require`: the same as core-lite.mjs.
const { createCors } = require('@corsica/core/lite')

const cors = createCors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] })
const handler = cors.wrap(() => Response.json({ ok: true }))

async function main() {
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
}
main()

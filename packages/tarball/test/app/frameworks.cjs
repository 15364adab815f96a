// @corsica/sveltekit, @corsica/astro and @corsica/react-router through CommonJS `require`, each called
// the way its framework calls it (SvelteKit's handle({ event, resolve }), Astro's
// (context, next), React Router's (args, next)), with the route answering { ok: true }. Answers
// the requests given as JSON in argv[2]; prints { adapter: { request: answer } }. The frameworks
// themselves run in packages/<adapter>/test, built and served.
const { cors: astro } = require('@corsica/astro')
const { cors: reactRouter } = require('@corsica/react-router')
const { cors: sveltekit } = require('@corsica/sveltekit')

const options = { origin: ['https://app.example.com'], allowedHeaders: ['content-type'] }
const route = async () => Response.json({ ok: true })
const url = 'https://api.example.com/api/items'
const call = {
  sveltekit: (request, h = sveltekit(options)) =>
    h({ event: { request, url: new URL(url) }, resolve: route }),
  astro: (request, m = astro(options)) => m({ request, url: new URL(url) }, route),
  'react-router': (request, m = reactRouter(options)) => m({ request, params: {}, context: {} }, route),
}

async function main() {
  const out = {}
  for (const [adapter, run] of Object.entries(call)) {
    out[adapter] = {}
    for (const [name, { method, headers }] of Object.entries(JSON.parse(process.argv[2]))) {
      const response = await run(new Request(url, { method, headers }))
      out[adapter][name] = {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      }
    }
  }
  console.log(JSON.stringify(out))
}
main()

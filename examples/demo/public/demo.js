// The demo's front-end. Each scenario makes one real cross-origin request from this browser,
// then asks the API what it saw (its journal: preflights, CORS headers, onRefuse reasons).

const config = await (await fetch('/config.json')).json()
const { api } = config

/** The requests the page can make. `expect` is what the API's policy should make of each. */
const SCENARIOS = [
  {
    id: 'simple-get',
    title: 'Simple GET',
    expect: 'allowed',
    note: 'No custom headers and a safelisted method: a "simple" request. The browser sends it at once and checks Access-Control-Allow-Origin on the answer.',
    code: `fetch('${api}/api/items')`,
    run: (rid) => call(`${api}/api/items?rid=${rid}`, {}),
  },
  {
    id: 'json-post',
    title: 'JSON POST',
    expect: 'allowed',
    note: 'Content-Type: application/json is not a CORS-safelisted value, so the browser first asks with an OPTIONS preflight.',
    code: `fetch('${api}/api/items', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'Corte' }),
})`,
    run: (rid) =>
      call(`${api}/api/items?rid=${rid}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Corte' }),
      }),
  },
  {
    id: 'put-custom-header',
    title: 'PUT with a custom header',
    expect: 'allowed',
    note: 'PUT is not a safelisted method and X-Client-Version is not a safelisted header: one preflight asks for both, and the policy allows both.',
    code: `fetch('${api}/api/items/1', {
  method: 'PUT',
  headers: { 'x-client-version': '2.4.0' },
})`,
    run: (rid) =>
      call(`${api}/api/items/1?rid=${rid}`, { method: 'PUT', headers: { 'x-client-version': '2.4.0' } }),
  },
  {
    id: 'credentialed',
    title: 'Credentialed request with a cookie',
    expect: 'allowed',
    note: 'credentials: "include" sends cookies. The answer must name this origin exactly (never *) and carry Access-Control-Allow-Credentials: true. A sign-in call sets the cookie first (SameSite=Lax: the page and the API are one site, demo.localhost).',
    code: `await fetch('${api}/api/login', { method: 'POST', credentials: 'include' })
fetch('${api}/api/me', { credentials: 'include' })`,
    run: async (rid) => {
      const login = await call(`${api}/api/login?rid=${rid}`, { method: 'POST', credentials: 'include' })
      if (!login.ok) return login
      return call(`${api}/api/me?rid=${rid}`, { credentials: 'include' })
    },
  },
  {
    id: 'unlisted-origin',
    title: 'From an unlisted origin',
    expect: 'blocked',
    note: `The simple GET again, made by a page on ${config.other}. The API answers it (simple requests are not stopped), but without Access-Control-Allow-Origin, so the browser hides the answer from that page.`,
    code: `// on ${config.other}, which the policy does not list
fetch('${api}/api/items')`,
    run: (rid) => callFromOtherOrigin(`${api}/api/items?rid=${rid}`, {}),
  },
  {
    id: 'delete-not-allowed',
    title: 'DELETE not in methods',
    expect: 'blocked',
    note: 'The policy lists GET, HEAD, POST and PUT. The API answers the preflight with that list; DELETE is not in it, so the browser never sends the DELETE and the handler never runs.',
    code: `fetch('${api}/api/items/1', {
  method: 'DELETE',
})`,
    run: (rid) => call(`${api}/api/items/1?rid=${rid}`, { method: 'DELETE' }),
  },
  {
    id: 'header-not-allowed',
    title: 'Header not in allowedHeaders',
    expect: 'blocked',
    note: 'X-Debug is not in allowedHeaders. The preflight asks for it; the answer lists the headers the API allows, without x-debug, so the GET is never sent.',
    code: `fetch('${api}/api/items', {
  headers: { 'x-debug': '1' },
})`,
    run: (rid) => call(`${api}/api/items?rid=${rid}`, { headers: { 'x-debug': '1' } }),
  },
  {
    id: 'write-without-csrf',
    title: 'A cross-site POST, without csrf',
    expect: 'blocked',
    counter: 'moved',
    note: `A page on ${config.other} posts a transfer, as a hidden form would: no preflight, since a form could send it. The browser blocks the answer, but the server ran the transfer: CORS hides answers, it does not stop requests. (The API mounted a second time, under the same policy without csrf.)`,
    code: `// on ${config.other}; the policy without csrf
fetch('${api}/without-csrf/api/transfer', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'to=evil&amount=1000',
})`,
    run: (rid) => transferFromOtherOrigin(`${api}/without-csrf/api/transfer?rid=${rid}`),
  },
  {
    id: 'write-with-csrf',
    title: 'The same POST, with csrf: true',
    expect: 'blocked',
    counter: 'still',
    note: "The same transfer, under the policy above, which sets csrf: true. The page's origin is not trusted, so Corsica answers 403 before the handler runs: no transfer.",
    code: `// on ${config.other}; the policy above (csrf: true)
fetch('${api}/api/transfer', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'to=evil&amount=1000',
})`,
    run: (rid) => transferFromOtherOrigin(`${api}/api/transfer?rid=${rid}`),
  },
]

/** The API's transfer count (its one side effect), read by this page, which the policy lists. */
async function transfers() {
  const response = await fetch(`${api}/api/transfers`)
  return (await response.json()).transfers
}

/** A transfer posted from the unlisted origin, with the transfer count before and after it. */
async function transferFromOtherOrigin(url) {
  const before = await transfers()
  const result = await callFromOtherOrigin(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'to=evil&amount=1000',
  })
  return { ...result, transfers: [before, await transfers()] }
}

/** Makes the request; `ok: false` means fetch() rejected, which is how a CORS block looks to script. */
async function call(url, init) {
  try {
    const response = await fetch(url, init)
    return { ok: true, status: response.status, headers: [...response.headers], body: await response.text() }
  } catch (error) {
    return { ok: false, error: String(error) }
  }
}

// The frame on the unlisted origin makes requests when asked, and posts back the result.
const frame = document.getElementById('other')
const pending = new Map()
const frameReady = new Promise((resolve) => {
  window.addEventListener('message', (event) => {
    if (event.origin !== config.other) return
    if (event.data?.type === 'ready') resolve()
    if (event.data?.type === 'result') pending.get(event.data.id)?.(event.data.result)
  })
})
frame.src = `${config.other}/`

async function callFromOtherOrigin(url, init) {
  await frameReady
  const id = crypto.randomUUID()
  return new Promise((resolve) => {
    pending.set(id, resolve)
    frame.contentWindow.postMessage({ type: 'call', id, url, init }, config.other)
  })
}

/** What the API recorded for a request id: `{ exchanges, chromium, server }`. */
async function journal(rid) {
  const response = await fetch(`${api}/_journal?id=${rid}`)
  return response.json()
}

// ---- rendering ----

function element(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function fact(list, term, value, className) {
  list.append(element('dt', '', term))
  const dd = element('dd', className, value)
  list.append(dd)
}

function renderExchange(exchange) {
  const box = element('div', `exchange ${exchange.kind}`)
  const what = exchange.kind === 'preflight' ? 'preflight' : 'request'
  box.append(
    element('div', 'exchange-title', `${exchange.method} ${exchange.path}  (${what}) → ${exchange.status}`),
  )
  const table = element('dl', 'headers')
  for (const [name, value] of Object.entries(exchange.requestHeaders)) fact(table, `→ ${name}`, value)
  const response = Object.entries(exchange.responseHeaders)
  if (response.length === 0) fact(table, '← (no CORS headers)', '', 'muted')
  for (const [name, value] of response) fact(table, `← ${name}`, value)
  if (exchange.kind === 'actual') fact(table, 'handler ran', exchange.handlerRan ? 'yes' : 'no')
  box.append(table)
  return box
}

function render(card, scenario, result, { exchanges, chromium, server }) {
  const verdict = result.ok ? 'allowed' : 'blocked'
  card.dataset.state = 'done'
  card.dataset.verdict = verdict
  const badge = card.querySelector('.verdict')
  badge.textContent = verdict === 'allowed' ? 'Allowed' : 'Blocked'
  // One live region for the page: a screen reader hears each result as it comes.
  document.getElementById('announce').textContent = `${scenario.title}: ${badge.textContent.toLowerCase()}.`

  const preflights = exchanges.filter((e) => e.kind === 'preflight')
  card.dataset.preflight = preflights.length > 0 ? 'sent' : 'not-sent'
  const facts = card.querySelector('.facts')
  facts.replaceChildren()
  fact(
    facts,
    'Browser',
    result.ok ? `fetch() resolved: status ${result.status}` : `fetch() rejected: ${result.error}`,
  )
  fact(
    facts,
    'Preflight',
    preflights.length > 0 ? `sent, answered ${preflights.map((p) => p.status).join(', ')}` : 'not sent',
  )
  if (result.ok) {
    const readable = result.headers.map(([name, value]) => `${name}: ${value}`).join('\n')
    fact(facts, 'Headers script can read', readable, 'pre')
    fact(facts, 'Body', result.body.slice(0, 160), 'pre')
  }
  fact(
    facts,
    'Expected',
    scenario.expect === verdict
      ? `${scenario.expect}, as the policy says ✓`
      : `${scenario.expect} (the browser disagrees!)`,
    scenario.expect === verdict ? 'match' : 'mismatch',
  )
  if (result.transfers) {
    const [before, after] = result.transfers
    card.dataset.counter = after > before ? 'moved' : 'still'
    fact(
      facts,
      'Transfers the server made',
      after > before
        ? `${before} → ${after}: the handler ran, though the browser blocked the answer`
        : `${before} → ${after}: the handler never ran`,
      card.dataset.counter === scenario.counter ? 'match' : 'mismatch',
    )
  }

  const list = card.querySelector('.exchanges')
  list.replaceChildren(element('div', 'exchanges-title', 'What the API saw (→) and answered (←)'))
  for (const exchange of exchanges) list.append(renderExchange(exchange))
  if (exchanges.length === 0) list.append(element('p', 'muted', 'Nothing reached the API.'))

  const logs = card.querySelector('.logs')
  logs.hidden = !chromium && !server
  card.querySelector('.browser-line').textContent = chromium ?? '(nothing: the browser allowed it)'
  card.querySelector('.server-line').textContent = server ?? '(nothing: the policy refused nothing)'

  const refusal = exchanges.map((e) => e.refusal).find(Boolean)
  const reason = card.querySelector('.reason')
  const fix = card.querySelector('.fix')
  reason.hidden = !refusal
  fix.hidden = !refusal
  if (refusal) {
    reason.replaceChildren(
      element('strong', '', "Server's reason: "),
      element('code', 'chip', refusal.code),
      element('span', '', ` ${refusal.message}`),
      element('div', 'muted', `MDN's name for what the browser reports: ${refusal.browserReason}`),
    )
    fix.replaceChildren(element('strong', '', 'Fix: '), element('span', '', refusal.fix))
  }
  card.querySelector('.result').hidden = false
}

async function runScenario(card, scenario) {
  card.dataset.state = 'running'
  card.querySelector('.verdict').textContent = 'running…'
  const rid = `${scenario.id}-${crypto.randomUUID().slice(0, 8)}`
  const result = await scenario.run(rid)
  render(card, scenario, result, await journal(rid))
}

const cards = document.getElementById('cards')
const template = document.getElementById('card')
const entries = SCENARIOS.map((scenario) => {
  const card = template.content.firstElementChild.cloneNode(true)
  card.id = scenario.id
  card.querySelector('h3').textContent = scenario.title
  card.querySelector('.note').textContent = scenario.note
  card.querySelector('.code code').textContent = scenario.code
  const run = card.querySelector('.run')
  run.setAttribute('aria-label', `Run: ${scenario.title}`)
  run.addEventListener('click', () => runScenario(card, scenario))
  cards.append(card)
  return { card, scenario }
})

for (const node of document.querySelectorAll('[data-url]')) node.textContent = config[node.dataset.url]
document.getElementById('policy').textContent = config.policy

const runAll = document.getElementById('run-all')
runAll.disabled = false
runAll.addEventListener('click', async () => {
  runAll.disabled = true
  for (const { card, scenario } of entries) await runScenario(card, scenario)
  runAll.disabled = false
  document.body.dataset.ran = 'all'
})

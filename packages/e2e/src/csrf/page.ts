/**
 * Runs in the page (passed to `Session.evaluate`, so self-contained): what a hostile page can do
 * without CORS's leave. Three form POSTs (urlencoded, multipart, text/plain: the enctypes a form
 * may use) into hidden iframes, a `fetch` with `mode: 'no-cors'`, and a WebSocket that sends one
 * message. Each names its submission id in the URL; the server tells what it ran.
 */
export interface Submit {
  /** `http://api…:port/on` or `/off`: where the writes go. */
  base: string
  /** The id prefix of this run's submissions. */
  prefix: string
}

/** The submissions' ids, by kind, for a prefix. */
export const KINDS = ['urlencoded', 'multipart', 'text-plain', 'no-cors', 'websocket'] as const
export type Kind = (typeof KINDS)[number]
export const idOf = (prefix: string, kind: Kind) => `${prefix}-${kind}`

/** What the page saw: the no-cors fetch's response type, and the socket's fate. */
export interface PageSaw {
  fetch: string
  socket: string
}

export async function submitAll({ base, prefix }: Submit): Promise<PageSaw> {
  const enctypes: [string, string][] = [
    ['urlencoded', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data'],
    ['text-plain', 'text/plain'],
  ]
  for (const [kind, enctype] of enctypes) {
    const id = `${prefix}-${kind}`
    const frame = document.createElement('iframe')
    frame.name = id
    document.body.append(frame)
    const form = document.createElement('form')
    form.method = 'POST'
    form.enctype = enctype
    form.action = `${base}/form?id=${id}`
    form.target = id
    const field = document.createElement('input')
    field.name = 'amount'
    field.value = '1000'
    form.append(field)
    document.body.append(form)
    form.submit()
  }
  const fetched = await fetch(`${base}/fetch?id=${prefix}-no-cors`, {
    method: 'POST',
    mode: 'no-cors',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'amount=1000',
  }).then(
    (response) => response.type,
    (error) => `rejected: ${error}`,
  )
  const socket = await new Promise<string>((resolve) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws?id=${prefix}-websocket`)
    const timer = setTimeout(() => resolve('timed out'), 5000)
    const done = (what: string) => {
      clearTimeout(timer)
      resolve(what)
    }
    ws.onopen = () => ws.send('hello')
    ws.onmessage = (event) => {
      ws.close()
      done(`open, ${event.data}`)
    }
    ws.onerror = () => done('failed')
    ws.onclose = (event) => done(`closed ${event.code}`)
  })
  return { fetch: fetched, socket }
}

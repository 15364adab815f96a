// The page on the unlisted origin. When the front-end asks (postMessage), it calls the API
// from this origin and posts back what the browser let it see.

const config = await (await fetch('/config.json')).json()
window.addEventListener('message', async (event) => {
  // Only the demo's front-end may drive this page.
  if (event.origin !== config.app || event.data?.type !== 'call') return
  const { id, url, init } = event.data
  let result
  try {
    const response = await fetch(url, init)
    result = {
      ok: true,
      status: response.status,
      headers: [...response.headers],
      body: await response.text(),
    }
  } catch (error) {
    result = { ok: false, error: String(error) }
  }
  event.source.postMessage({ type: 'result', id, result }, event.origin)
})

window.parent.postMessage({ type: 'ready' }, config.app)

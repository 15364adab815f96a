export default function Home() {
  return (
    <main>
      <h1>Corsica + Next.js</h1>
      <p>
        CORS for <code>/api/*</code> and <code>/hello</code> comes from the proxy (or middleware);{' '}
        <code>/wrapped/messages</code> wraps its route handlers with <code>withCors</code>.
      </p>
    </main>
  )
}

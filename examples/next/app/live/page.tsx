/** A dynamically rendered page behind the CORS proxy: Next sends it with Cache-Control: no-store. */
export const dynamic = 'force-dynamic'

export default function Live() {
  return <p>Rendered at {new Date().toISOString()}.</p>
}

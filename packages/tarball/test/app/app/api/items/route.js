// Behind the proxy: no CORS code here.
export function GET() {
  return Response.json({ ok: true })
}

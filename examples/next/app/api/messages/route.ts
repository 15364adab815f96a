/** Route handlers behind the CORS middleware: they hold no CORS code. */
const messages = [{ id: 1, text: 'hello' }]

export function GET() {
  return Response.json(messages)
}

export async function POST(request: Request) {
  const { text } = (await request.json()) as { text: string }
  return Response.json({ id: messages.length + 1, text }, { status: 201 })
}

export function PUT() {
  return new Response(null, { status: 204 })
}

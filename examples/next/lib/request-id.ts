import { NextResponse } from 'next/server'

/** The app's own middleware logic: lets the request continue and echoes (or mints) a request id. */
export function continueWithRequestId(request: Request): NextResponse {
  const response = NextResponse.next()
  response.headers.set('x-request-id', request.headers.get('x-request-id') ?? crypto.randomUUID())
  return response
}

/**
 * Recipe: AWS Lambda behind a function URL or an API Gateway HTTP API (payload format 2.0, the
 * same event for both): the event becomes a Fetch Request, `cors.wrap` answers it, the Response
 * becomes the result. Turn off the HTTP API's own CORS configuration: with it, API Gateway
 * answers preflights itself and ignores CORS headers your integration returns (AWS, "Configure
 * CORS for HTTP APIs"); leave the function URL's CORS settings empty for the same reason.
 * Tested by `platforms.test.ts` with events typed by `@types/aws-lambda`.
 */
import { createCors } from '@corsica/core'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'

const cors = createCors({
  origin: ['https://app.example.com'],
  credentials: true,
  allowedHeaders: ['content-type', 'authorization'],
})

const app = cors.wrap(async (request: Request) => {
  if (request.method === 'POST') return Response.json(await request.json(), { status: 201 })
  return Response.json({ path: new URL(request.url).pathname })
})

/** The Lambda handler: `export const handler` in your function's module. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return toResult(await app(toRequest(event)))
}

/** A payload 2.0 event as a Fetch Request: lower-case headers, cookies apart, body maybe base64. */
export function toRequest(event: APIGatewayProxyEventV2): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(event.headers)) if (value !== undefined) headers.set(name, value)
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '))
  const { method } = event.requestContext.http
  const query = event.rawQueryString ? `?${event.rawQueryString}` : ''
  const hasBody = event.body !== undefined && method !== 'GET' && method !== 'HEAD'
  return new Request(`https://${event.requestContext.domainName}${event.rawPath}${query}`, {
    method,
    headers,
    body: hasBody ? (event.isBase64Encoded ? Buffer.from(event.body!, 'base64') : event.body) : undefined,
  })
}

/** A Fetch Response as a payload 2.0 result: Set-Cookie lines in `cookies`, the body base64. */
export async function toResult(response: Response): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: Record<string, string> = {}
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value
  const cookies = response.headers.getSetCookie()
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
    isBase64Encoded: true,
  }
}

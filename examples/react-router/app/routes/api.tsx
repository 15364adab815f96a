import { cors } from '@corsica/react-router'
import { Outlet } from 'react-router'

/**
 * The parent of every /api route, so its middleware runs for each of them. The one list of
 * origins the app trusts: they may read the API's answers (CORS) and send it writes (`csrf`);
 * every other origin's POST, PUT, PATCH or DELETE is refused 403 before an action runs.
 */
export const middleware = [
  cors({
    origin: ['https://app.example.com', 'https://*.preview.example.com'],
    credentials: true,
    allowedHeaders: ['content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
    csrf: true,
  }),
]

export default function Api() {
  return <Outlet />
}

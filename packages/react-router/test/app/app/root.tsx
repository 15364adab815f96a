import { Links, Meta, Outlet, Scripts } from 'react-router'
import { cors } from '../../../src/index.ts'

/**
 * The app policy on every route under the root (documents and resource routes) but the table's
 * (/conformance/:i has its own) and /bare/*, which show what React Router does without it.
 */
const app = cors({ origin: ['https://app.example.com'], credentials: true, allowedHeaders: ['content-type'] })

export const middleware = [
  (args: Parameters<typeof app>[0], next: Parameters<typeof app>[1]) => {
    const { pathname } = new URL(args.request.url)
    if (pathname.startsWith('/conformance/') || pathname.startsWith('/bare/')) return next()
    return app(args, next)
  },
]

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

/**
 * The page origins of the matrix: one server, any `*.localhost` host name, a blank page. The
 * browser's origin comes from the host name it navigates to, so one port serves them all.
 */
import { type Served, serve } from '@corsica/demo'

/** Serves a blank HTML page on every path and host. */
export function servePages(): Promise<Served> {
  return serve(
    () =>
      new Response('<!doctype html><title>matrix page</title><p>page</p>', {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }),
    { port: 0, what: 'matrix pages' },
  )
}

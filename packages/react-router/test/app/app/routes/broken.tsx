/** A document route whose loader throws: the root's default ErrorBoundary renders the 500. */
export function loader(): never {
  throw new Error('the loader failed')
}

export default function Broken() {
  return <p>never rendered</p>
}

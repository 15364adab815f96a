/** A page behind the CORS middleware: a front-end on another origin may fetch its HTML. */
export default function Hello() {
  return <p>Hello from a page behind the CORS proxy.</p>
}

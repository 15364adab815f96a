/** A page that throws while rendering: Next answers 500 with its error page. */
export const dynamic = 'force-dynamic'

export default function Broken(): never {
  throw new Error('page failed')
}

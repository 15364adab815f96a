// psl ships its types under a path its `exports` do not reach from TypeScript's resolution here.
declare module 'psl' {
  interface Parsed {
    tld: string | null
    error?: { code: string; message: string }
  }
  const psl: { parse(domain: string): Parsed }
  export default psl
}

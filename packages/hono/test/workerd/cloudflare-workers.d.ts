// The one part of workerd's 'cloudflare:workers' module these tests use (their tsconfig has Node's types only).
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>
}

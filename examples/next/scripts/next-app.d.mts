/** Types of next-app.mjs. */
export type Runtime = 'node' | 'edge'

export const appDir: string
export function distDir(runtime: Runtime): string
export function buildIfNeeded(
  runtime: Runtime,
  options?: { log?: { write(text: string): unknown } },
): Promise<{ built: boolean; ms: number }>
export interface NextServer {
  url: string
  pid: number
  stop(): Promise<void>
  exited: Promise<unknown>
}
export function startNext(
  runtime: Runtime,
  options?: { host?: string; port?: number; stdio?: 'pipe' | 'inherit'; maxHeaderSize?: number },
): Promise<NextServer>

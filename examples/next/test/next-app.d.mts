/** Types of next-app.mjs. */
export type Variant = 'node' | 'edge' | 'bad-config'

export const appDir: string
export function variantDir(variant: Variant): string
export function distDir(variant: Variant): string
export function stage(variant: Variant): string
export function runNext(
  dir: string,
  args: string[],
  options?: { timeoutMs?: number },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>
export function buildIfNeeded(
  variant: Variant,
  options?: { log?: { write(text: string): unknown } },
): Promise<{ built: boolean; ms: number }>
export interface NextServer {
  url: string
  pid: number
  stop(): Promise<void>
  exited: Promise<unknown>
}
export function startNext(
  variant: Variant,
  options?: { host?: string; port?: number; stdio?: 'pipe' | 'inherit'; maxHeaderSize?: number },
): Promise<NextServer>

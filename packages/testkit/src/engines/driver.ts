/** What each engine's launcher provides; `launch()` builds the shared session on top of it. */
export interface Driver {
  goto(url: string): Promise<void>
  /** Evaluates `(source)(arg)` in the page and returns the awaited result. */
  run<R>(source: string, arg: unknown): Promise<R>
  screenshot(): Promise<Buffer>
  /** The console lines read so far, appended to as they come; null when none can be read. */
  console: string[] | null
  /** Chromium's DevTools `Network.CorsError` of each blocked request, as they come; null elsewhere. */
  corsErrors: string[] | null
  close(): Promise<void>
}

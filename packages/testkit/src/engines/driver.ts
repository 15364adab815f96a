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

/** How to launch an engine. */
export interface LaunchOptions {
  /** Chromium only: command-line flags added to the usual ones (`CHROMIUM_FLAGS`). */
  args?: readonly string[]
  /**
   * Console-capture mode: the console lines include what the engine itself prints about the
   * page's loads, its CORS errors above all, wherever the engine lets them be read. Chromium
   * prints them to its console in either mode. Firefox reports a blocked load as an error of the
   * page (WebDriver BiDi `log.entryAdded`, puppeteer's `pageerror`), which this mode adds to the
   * lines. WebKitGTK prints them only to MiniBrowser's stdout
   * (`--enable-write-console-messages-to-stdout`), which its WebDriver does not pass on: this
   * mode runs MiniBrowser without WebDriver, so `goto()` starts a MiniBrowser on the page and
   * the page runs its own script (`run()` and `screenshot()` throw), and the lines are
   * MiniBrowser's whole output, line by line.
   */
  captureConsole?: boolean
}

/** What each runtime's starter returns: the API's port, and how to stop it. */
export interface RunningApi {
  port: number
  stop(): Promise<void>
}

/** A runtime the matrix runs against. */
export interface Runtime {
  name: string
  /** Starts the matrix API for pages served on `pagePort`. */
  start(pagePort: number): Promise<RunningApi>
}

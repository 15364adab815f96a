/** @module The Corsica demo: its servers, for the end-to-end tests. */
export { createApi, demoPolicy } from './api'
export { DEFAULTS, type Demo, type DemoOptions, startDemo } from './demo'
export {
  createJournal,
  type Exchange,
  type Journal,
  journaled,
  journalResponse,
  type RefusalNote,
} from './journal'
export type { DemoUrls } from './pages'
export { type Handler, PortInUseError, type Served, serve } from './serve'

/**
 * Where the browser engines depart from the Fetch standard on CORS: one list, kept in
 * @corsica/doctor (src/engines.ts), whose verdicts name them. The end-to-end tests assert each
 * engine's real behaviour from it, so a browser update that changes one shows up as a failing
 * test and changes the doctor at once. The browser model in browser-model.ts keeps following the
 * standard.
 */
export { ENGINE_DEPARTURES, type Engine, type EngineDeparture } from '../../doctor/src/engines.ts'

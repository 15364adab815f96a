import { tableRoute } from '../table-route'

/** The csrf bypass cases' paths. */
export const ALL = tableRoute

import { tableRoute } from '../../../table-route'

export const fallback = tableRoute

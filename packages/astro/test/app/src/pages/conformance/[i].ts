import { tableRoute } from '../../table-route'

export const ALL = tableRoute

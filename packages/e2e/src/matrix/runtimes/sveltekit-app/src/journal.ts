/** The one journal of the app, shared by the hook (answers, refusals) and the route (handler runs). */
import { createJournal } from '@corsica/demo/journal'

export const journal = createJournal()

import { defineHandler } from 'nitro/h3'

export default defineHandler(() => [{ id: 1, text: 'Try a cross-origin fetch' }])

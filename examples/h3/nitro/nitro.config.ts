/**
 * The same API as a Nitro v3 app: `nitro build`, then `node .output/server/index.mjs`. Nitro
 * scans routes/ and middleware/ here (its srcDir defaults to this folder).
 */
import { defineNitroConfig } from 'nitro/config'

export default defineNitroConfig({})

/**
 * Recipe: a Vite dev server in front of the API. The page is served by Vite and calls
 * `/api/*` on the API through Vite's proxy. Vite's own CORS middleware (`server.cors`, on by
 * default for localhost origins) would answer preflights itself and put its own
 * Access-Control-Allow-Origin on every answer, proxied ones included, so in development the
 * browser would see Vite's policy instead of the API's. Turning it off lets the API's Corsica
 * policy answer, exactly as in production.
 */
import { defineConfig } from 'vite'

export const API = process.env.API_URL ?? 'http://127.0.0.1:8787'

export default defineConfig({
  server: {
    cors: false,
    proxy: { '/api': { target: API } },
  },
})

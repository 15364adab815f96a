/**
 * Recipe: localhost only in development. Production lists its front ends; development adds
 * any port of http://localhost (Vite, Storybook, a second checkout), so a production build can
 * never be called from a developer's machine with the user's cookies.
 */
import type { CorsOptions } from '@corsica/core'

export function corsOptions(nodeEnv = process.env.NODE_ENV): CorsOptions {
  const production = ['https://app.example.com']
  return {
    origin:
      nodeEnv === 'production' ? production : [...production, 'http://localhost:*', 'http://127.0.0.1:*'],
    credentials: true,
    csrf: true,
  }
}

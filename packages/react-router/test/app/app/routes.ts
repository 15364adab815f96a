import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('conformance/:i', 'routes/conformance.ts'),
  // The csrf bypass cases' paths, the case named by x-table-case.
  route('oauth/callback', 'routes/conformance.ts', { id: 'oauth-callback' }),
  route('transfer', 'routes/conformance.ts', { id: 'transfer' }),
  route('api/items', 'routes/items.ts'),
  route('api/throws', 'routes/throws.ts'),
  route('api/redirect', 'routes/redirect.ts'),
  route('bare/items', 'routes/bare-items.ts'),
  route('broken', 'routes/broken.tsx'),
] satisfies RouteConfig

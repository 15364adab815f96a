import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('conformance/:i', 'routes/conformance.ts'),
  route('api/items', 'routes/items.ts'),
  route('api/throws', 'routes/throws.ts'),
  route('api/redirect', 'routes/redirect.ts'),
  route('bare/items', 'routes/bare-items.ts'),
  route('broken', 'routes/broken.tsx'),
] satisfies RouteConfig

import { index, type RouteConfig, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  // The API other origins call: resource routes (no default export), behind the CORS middleware.
  route('api', 'routes/api.tsx', [
    route('notes', 'routes/api.notes.ts'),
    route('boom', 'routes/api.boom.ts'),
  ]),
] satisfies RouteConfig

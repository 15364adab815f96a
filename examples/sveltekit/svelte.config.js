import adapter from '@sveltejs/adapter-node'

export default {
  kit: {
    adapter: adapter(),
    // SvelteKit's own CSRF check answers a cross-origin form POST 403 before any hook runs, so
    // without CORS headers, and it trusts exact origins only. `['*']` turns it off: Corsica's
    // `csrf: true` (src/lib/cors.ts) refuses cross-origin writes instead, trusting the very
    // origins the CORS policy grants, patterns included. See the README.
    csrf: { trustedOrigins: ['*'] },
  },
}

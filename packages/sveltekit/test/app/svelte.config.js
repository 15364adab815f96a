import adapter from '@sveltejs/adapter-node'

/**
 * The test app, with SvelteKit's own CSRF check as it is by default (`csrf.trustedOrigins` empty):
 * test/app.test.ts shows what it does to a cross-origin form POST. examples/sveltekit has the
 * recommended setup.
 */
export default { kit: { adapter: adapter() } }

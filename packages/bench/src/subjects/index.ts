/**
 * The subjects and their references. A subject is measured against the reference it is built on
 * (the bare handler, or the same framework app without CORS), so its figure is the CORS layer alone.
 * Modules load lazily: each child process imports only the libraries it measures.
 */
import { corsicaOptions, handler, originLists, type PolicyId } from '../policy.js'
import type { Scenario } from '../scenarios.js'
import type { HonoVariant } from './hono.js'
import type { Handler } from './types.js'

export type { Handler } from './types.js'

/** Something to measure: a label for the table and a way to build its handler under a policy. */
export interface Entry {
  label: string
  load: (policy: PolicyId) => Promise<Handler>
}

/** A subject also names its reference, and may run only some scenarios. */
export interface Subject extends Entry {
  reference: ReferenceId
  /** Only the scenarios of these kinds (every kind but `csrf` when absent; see {@link runs}). */
  kinds?: readonly Scenario['kind'][]
  /** Measured only when asked for: a core of an earlier revision (`--before`). */
  before?: true
}

/**
 * The core or @corsica/hono as built by `pnpm bench:before REV`, through the loader micro-child.ts
 * installs when `--before` is given (Node only: workerd refuses a dynamic import, so its bundle
 * holds none).
 */
export async function importBefore(name: 'core' | 'hono'): Promise<any> {
  const load = (globalThis as { corsicaBenchBefore?: (name: string) => Promise<unknown> }).corsicaBenchBefore
  if (load === undefined) throw new Error('the before subjects need --before REV (Node only)')
  return load(name)
}

const honoFetch = async (variant: HonoVariant, policy: PolicyId = 'small'): Promise<Handler> => {
  const app = await (await import('./hono.js')).honoApp(variant, policy)
  return (request) => app.fetch(request)
}

/** The references: what a subject costs on top of. */
export const references = {
  bare: { label: 'bare handler', load: async () => handler },
  hono: { label: 'Hono app, no CORS', load: () => honoFetch('bare') },
  itty: { label: 'itty-router, no CORS', load: async () => (await import('./itty.js')).ittyRouter(false) },
  h3: { label: 'h3 app, no CORS', load: async () => (await import('./h3.js')).h3App(false) },
} satisfies Record<string, Entry>

export type ReferenceId = keyof typeof references

/** The subjects, in table order. */
export const subjects = {
  floor: {
    label: 'floor (hand-written)',
    reference: 'bare',
    load: async (policy) => (await import('./floor.js')).floor(handler, originLists[policy]),
  },
  'floor-validating': {
    label: 'floor + method/headers',
    reference: 'bare',
    load: async (policy) => (await import('./floor.js')).validatingFloor(handler, originLists[policy]),
  },
  'corsica-core': {
    label: '@corsica/core wrap()',
    reference: 'bare',
    load: async (policy) => {
      const { createCors } = await import('@corsica/core')
      return createCors(corsicaOptions(policy)).wrap(handler)
    },
  },
  'corsica-csrf': {
    label: '@corsica/core wrap(), csrf: true',
    reference: 'bare',
    kinds: ['csrf'],
    load: async (policy) => {
      const { createCors } = await import('@corsica/core')
      return createCors({ ...corsicaOptions(policy), csrf: true }).wrap(handler)
    },
  },
  'corsica-core-before': {
    label: '@corsica/core wrap(), before',
    reference: 'bare',
    before: true,
    load: async (policy) => (await importBefore('core')).createCors(corsicaOptions(policy)).wrap(handler),
  },
  'corsica-csrf-before': {
    label: '@corsica/core wrap(), csrf: true, before',
    reference: 'bare',
    kinds: ['csrf'],
    before: true,
    load: async (policy) =>
      (await importBefore('core')).createCors({ ...corsicaOptions(policy), csrf: true }).wrap(handler),
  },
  'hono-empty': {
    label: 'Hono empty middleware',
    reference: 'hono',
    load: () => honoFetch('empty-middleware'),
  },
  'hono-floor': {
    label: 'Hono floor middleware',
    reference: 'hono',
    load: (policy) => honoFetch('floor-middleware', policy),
  },
  'hono-cors': { label: 'hono/cors', reference: 'hono', load: (policy) => honoFetch('hono-cors', policy) },
  'corsica-hono': {
    label: '@corsica/hono',
    reference: 'hono',
    load: (policy) => honoFetch('corsica-hono', policy),
  },
  'corsica-hono-before': {
    label: '@corsica/hono, before',
    reference: 'hono',
    before: true,
    load: (policy) => honoFetch('corsica-hono-before', policy),
  },
  'itty-cors': {
    label: 'itty-router cors()',
    reference: 'itty',
    load: async (policy) => (await import('./itty.js')).ittyRouter(true, policy),
  },
  'h3-cors': {
    label: 'h3 handleCors()',
    reference: 'h3',
    load: async (policy) => (await import('./h3.js')).h3App(true, policy),
  },
} satisfies Record<string, Subject>

export type SubjectId = keyof typeof subjects

/**
 * Whether a subject runs a scenario: the cross-site POSTs (kind `csrf`) run next to the bare
 * handler only (the floors, the core with and without csrf); the csrf subject runs only them.
 */
export function runs(id: SubjectId, scenario: Scenario): boolean {
  const subject: Subject = subjects[id]
  if (subject.kinds !== undefined) return subject.kinds.includes(scenario.kind)
  return scenario.kind !== 'csrf' || subject.reference === 'bare'
}

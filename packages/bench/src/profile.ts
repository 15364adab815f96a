/**
 * @module `pnpm bench:profile SUBJECT SCENARIO [SECONDS]`: runs one subject on one scenario in a
 * loop, in a child process under `node --cpu-prof`, then prints where the time went (self time
 * per function, file and line). Profiles land in bench-results/profiles/.
 */
import { spawnSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { requestOf, scenarios } from './scenarios.js'
import { type SubjectId, subjects } from './subjects/index.js'
import { iteration } from './timer.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** The name, file and line of a frame, with node_modules paths shortened to the package. */
function frameName(f: ProfileNode['callFrame']): string {
  const file = f.url
    .replace(/^file:\/\/.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^file:\/\/.*\/packages\//, 'packages/')
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`
}

/** Self and total (inclusive) time per function, in ms and as a share of all samples, by self time. */
export function timesByFunction(
  profile: Profile,
): { frame: string; self: number; total: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    all += dt
    const leaf = frameName(byId.get(id)!.callFrame)
    self.set(leaf, (self.get(leaf) ?? 0) + dt)
    const seen = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const frame = frameName(byId.get(n)!.callFrame)
      if (seen.has(frame)) continue
      seen.add(frame)
      total.set(frame, (total.get(frame) ?? 0) + dt)
    }
  })
  return [...total]
    .map(([frame, t]) => ({
      frame,
      self: (self.get(frame) ?? 0) / 1000,
      total: t / 1000,
      share: (self.get(frame) ?? 0) / all,
    }))
    .sort((a, b) => b.self - a.self)
}

/** The profiled child: the loop itself. */
async function loop(subjectId: string, scenarioId: string, seconds: string) {
  const subject = subjects[subjectId as SubjectId]
  const scenario = scenarios.find((s) => s.id === scenarioId)
  // The same Request at every iteration, as the bench times it: the profile shows the subject alone.
  const it = await iteration(await subject!.load(scenario!.policy ?? 'small'), requestOf(scenario!))
  const end = performance.now() + Number(seconds) * 1000
  let count = 0
  while (performance.now() < end) {
    for (let i = 0; i < 64; i++) await it.run()
    count += 64
  }
  console.error(`[profile] ${count} iterations of ${subjectId} on ${scenarioId}`)
}

/** Prints the summary of the newest profile in `dir`. */
async function summarize(dir: string, top: number) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort()
  const newest = files.at(-1)
  if (newest === undefined) throw new Error(`no .cpuprofile in ${dir}`)
  const rows = timesByFunction(JSON.parse(await readFile(join(dir, newest), 'utf8')))
  console.log(`top ${top} by self time, of ${join(dir, newest)}\n self%   self ms  total ms  function`)
  for (const r of rows.slice(0, top)) {
    const cells = [
      (r.share * 100).toFixed(1).padStart(5),
      r.self.toFixed(0).padStart(8),
      r.total.toFixed(0).padStart(9),
    ]
    console.log(`${cells.join(' ')}  ${r.frame}`)
  }
}

const [first, ...rest] = process.argv.slice(2).filter((a) => a !== '--')
const top = Number(process.env.TOP ?? 30)
if (first === '--loop') {
  await loop(rest[0]!, rest[1]!, rest[2] ?? '5')
} else {
  const [subjectId, scenarioId, seconds = '5'] = [first, ...rest]
  if (!(subjectId! in subjects) || !scenarios.some((s) => s.id === scenarioId)) {
    console.error(`usage: pnpm bench:profile SUBJECT SCENARIO [SECONDS]
  subjects: ${Object.keys(subjects).join(', ')}
  scenarios: ${scenarios.map((s) => s.id).join(', ')}`)
    process.exit(2)
  }
  const dir = fileURLToPath(new URL('../bench-results/profiles/', import.meta.url))
  const self = fileURLToPath(import.meta.url)
  const args = ['--cpu-prof', '--cpu-prof-dir', dir, self, '--loop', subjectId!, scenarioId!, seconds]
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' })
  if (child.status !== 0) process.exit(child.status ?? 1)
  await summarize(dir, top)
}

import { describe, expect, it } from 'vitest'
import { CorsConfigError, createCors, originsFromEnv } from './index.ts'

function problemsOf(value: string | undefined, name?: string) {
  try {
    originsFromEnv(value, name)
  } catch (error) {
    expect(error).toBeInstanceOf(CorsConfigError)
    return [...(error as CorsConfigError).problems]
  }
  throw new Error('originsFromEnv accepted the value')
}

describe('originsFromEnv', () => {
  it('splits on commas and/or white space', () => {
    expect(originsFromEnv('https://a.test,https://b.test')).toEqual(['https://a.test', 'https://b.test'])
    expect(originsFromEnv(' https://a.test, https://b.test\n\thttps://c.test ')).toEqual([
      'https://a.test',
      'https://b.test',
      'https://c.test',
    ])
    expect(originsFromEnv('https://a.test')).toEqual(['https://a.test'])
  })

  it("gives '*' for exactly '*'", () => {
    expect(originsFromEnv(' * ')).toBe('*')
  })

  it('feeds createCors', async () => {
    const policy = createCors({
      origin: originsFromEnv('https://a.test https://*.b.test'),
      credentials: true,
    })
    const headers = await policy.actualHeaders(
      new Request('https://api.test/', { headers: { origin: 'https://eu.b.test' } }),
    )
    expect(headers['access-control-allow-origin']).toBe('https://eu.b.test')
  })

  it("refuses '*' inside a list, with a fix phrased for the variable", () => {
    expect(problemsOf('https://a.test, *', 'CORS_ORIGINS')).toEqual([
      {
        option: 'CORS_ORIGINS',
        problem: "holds '*' among other origins; '*' means every origin, so it cannot be one of a list.",
        fix: "remove '*' from CORS_ORIGINS or set it to exactly '*'.",
      },
    ])
  })

  it('refuses empty entries, an unset or empty variable, and quotes', () => {
    expect(problemsOf('https://a.test,,https://b.test')[0]!.problem).toContain('empty entry')
    expect(problemsOf('https://a.test,')[0]!.problem).toMatch(/^ends with an empty entry/)
    expect(problemsOf(',https://a.test')[0]!.problem).toMatch(/^starts with an empty entry/)
    expect(problemsOf(undefined)[0]).toMatchObject({
      option: 'ALLOWED_ORIGINS',
      problem: expect.stringContaining('not set'),
    })
    expect(problemsOf('  ')[0]!.problem).toContain('is empty')
    expect(problemsOf('"https://a.test"')[0]!.fix).toBe(
      'remove the quotes from the value of ALLOWED_ORIGINS.',
    )
  })

  it('names a bad origin by its place in the variable', () => {
    const problems = problemsOf('https://a.test https://b.test/')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      option: 'ALLOWED_ORIGINS[1]',
      problem: expect.stringContaining('trailing slash'),
      fix: "write 'https://b.test'.",
    })
  })
})

import fc from 'fast-check'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commands } from '../../../src/cli/commands'
import { cli } from '../../helpers/cli'

const empty = mkdtempSync(join(tmpdir(), 'cli-fuzz-'))
// Commands that reach no network on bad input; `demo-server` and `login` would start or ask.
const quiet = Object.keys(commands).filter((c) => c !== 'demo-server' && c !== 'login')

const word = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '--from',
    '--to',
    '--json',
    '--number',
    '--frequency',
    '--format',
    '--meeting-date',
    '--out',
    '--start-date',
    '--end-date',
    '--week-day',
    '--time',
    '--duration',
    '--data-dir',
    '--use-calendar',
    '--lang'
  ),
  fc.constantFrom(
    '2026-11-31',
    '2026-02-29',
    '-1',
    '0',
    '999999999999',
    'NaN',
    'weekly',
    'html',
    '25:61',
    '',
    ' ',
    '\u0000',
    '💥',
    '../../etc/passwd'
  )
)

describe('the command line under random arguments', () => {
  it('answers every command line with a status and at most one line of error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...quiet), fc.array(word, { maxLength: 8 }), async (command, args) => {
        // The profile is always the empty folder (the last --data-dir wins), so nothing is written elsewhere.
        const withProfile = [...args, '--data-dir', empty]
        const r = await cli(command, ...withProfile)
        expect(typeof r.code).toBe('number')
        if (r.code !== 0) {
          expect(r.err.trim().split('\n').length).toBeLessThanOrEqual(1)
          expect(r.out).toBe('')
        }
      }),
      { numRuns: 300, seed: 99 }
    )
  })
})

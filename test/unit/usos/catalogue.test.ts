/**
 * The committed catalogue of the USOS API reference (test/fixtures/usos-api-catalogue.json) is
 * exactly what the reference pages say. Where the pages are not beside the repository (a user's
 * or a contributor's clone), the comparison is skipped and says why; every other test reads the
 * catalogue. `UPDATE_USOS_CATALOGUE=1 npx vitest run test/unit/usos/catalogue.test.ts` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CATALOGUE_FILE,
  MODULES,
  REFERENCE_DIR,
  catalogueFromPages,
  readReference,
  referenceIndex,
  referencePagesPresent
} from '../../helpers/usos-reference'

const present = referencePagesPresent()
const skipReason = `skipped: the USOS API reference pages are not at ${REFERENCE_DIR} (they sit beside the repository only in the team's workspace; set USOS_API_REFERENCE_DIR to run it)`

// Said once in the run's output too, not only in the skipped test's name.
if (!present) console.info(`usos-api-catalogue: ${skipReason}`)

describe('the USOS API catalogue', () => {
  it.skipIf(!present)(
    present
      ? 'equals what the reference pages say now'
      : `equals what the reference pages say now (${skipReason})`,
    () => {
      const made = catalogueFromPages((m) => readFileSync(join(REFERENCE_DIR, `${m}.txt`), 'utf8'))
      if (process.env.UPDATE_USOS_CATALOGUE === '1') writeFileSync(CATALOGUE_FILE, made)
      expect(readFileSync(CATALOGUE_FILE, 'utf8')).toBe(made)
    }
  )

  it('lists the 70 methods, each module’s index naming exactly its methods', () => {
    const counts = MODULES.map((m) => readReference(m).length)
    expect(counts).toEqual([31, 22, 17])
    for (const m of MODULES) {
      expect(
        referenceIndex(m)
          .map((n) => `${m}/${n}`)
          .sort()
      ).toEqual(
        readReference(m)
          .map((x) => x.name)
          .sort()
      )
    }
  })

  it('holds the facts the tests rely on: access, parameters, default fields, errors and reasons', () => {
    const meetings = readReference('meetings')
    const lecturer = meetings.find((m) => m.name === 'meetings/lecturer')!
    expect(lecturer.params.find((p) => p.name === 'fields')?.default).toBe('id|name|comment|open')
    expect(lecturer.errors.get('object_invalid')).toContain('not_a_staff')
    const gen = meetings.find((m) => m.name === 'meetings/generate_meeting_dates')!
    expect(gen.params.filter((p) => p.required).map((p) => p.name)).toEqual([
      'start_date',
      'end_date',
      'number',
      'frequency'
    ])
    const batch = readReference('exams').find((m) => m.administrative)
    expect(batch, 'an administrative exams method').toBeDefined()
  })
})

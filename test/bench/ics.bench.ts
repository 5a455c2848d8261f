import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { buildIcs } from '../../src/core/export'
import { mirrorMigrations } from '../../src/core/mirror'
import { openDatabase } from '../../src/core/store'
import { medianMs, report } from './report'

it('exports 10,000 meeting dates to ICS', () => {
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'bench-ics-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  })
  const insertMeeting = db.prepare(
    'INSERT INTO meetings (id, name_pl, name_en, comment_pl) VALUES (?, ?, ?, ?)'
  )
  const insertDate = db.prepare(
    'INSERT INTO meeting_dates (id, meeting_id, start_time, end_time, comment_pl) VALUES (?, ?, ?, ?, ?)'
  )
  db.transaction(() => {
    for (let m = 0; m < 50; m++)
      insertMeeting.run(
        String(m),
        `Dyżur ${m}; sala, piętro`,
        `Office hours ${m}`,
        'Konsultacje przed egzaminem'
      )
    for (let i = 0; i < 10_000; i++) {
      const t = new Date(Date.UTC(2026, 9, 1) + i * 3_600_000 * 5)
      const s = t.toISOString().slice(0, 19).replace('T', ' ')
      insertDate.run(
        String(i),
        String(i % 50),
        s,
        s,
        i % 3 === 0 ? 'Proszę o wcześniejszy kontakt mailowy' : null
      )
    }
  })()
  let count = 0
  const ms = medianMs(5, () => {
    count = buildIcs(db, { uidDomain: 'bench.example' }).count
  })
  expect(count).toBe(10_000)
  report('ICS export of 10,000 meeting dates', ms, 300, 'ms')
})

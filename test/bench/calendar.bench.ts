import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { calendarRange, mirrorMigrations } from '../../src/core/mirror'
import { openDatabase } from '../../src/core/store'
import { medianMs, report } from './report'

it('answers a month of the calendar from a mirror of 100,000 meeting dates', () => {
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'bench-cal-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  })
  const meetings = 200
  const insertMeeting = db.prepare('INSERT INTO meetings (id, name_pl, name_en) VALUES (?, ?, ?)')
  const insertDate = db.prepare(
    'INSERT INTO meeting_dates (id, meeting_id, start_time, end_time, seats_limit, accepted_participants_count) VALUES (?, ?, ?, ?, 10, 3)'
  )
  db.transaction(() => {
    for (let m = 0; m < meetings; m++) insertMeeting.run(String(m), `Dyżur ${m}`, `Office hours ${m}`)
    // 100,000 dates spread over ten years (2020-2029), ~830 a month.
    for (let i = 0; i < 100_000; i++) {
      const t = new Date(Date.UTC(2020, 0, 1) + Math.floor((i * 315_360_000_000) / 100_000))
      const s = t.toISOString().slice(0, 19).replace('T', ' ')
      insertDate.run(String(i), String(i % meetings), s, s)
    }
  })()
  let count = 0
  const ms = medianMs(50, () => {
    count = calendarRange(db, '2026-11-01', '2026-12-01').length
  })
  expect(count).toBeGreaterThan(700)
  report(`calendar month query (${count} of 100,000 dates)`, ms, 5, 'ms')
  db.close()
})

import { describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dateAttendance, markAttendance, studentAttendance } from '../../../src/core/office-hours/attendance'
import { openDatabase } from '../../../src/core/store/db'
import { mirrorMigrations } from '../../../src/core/mirror/schema'

function mirror() {
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'attendance-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  })
  db.exec(`
    INSERT INTO users (id, first_name, last_name) VALUES ('u1', 'Łucja', 'Żak'), ('u2', 'Adam', 'Dąbrowski'), ('u3', 'Ewa', 'Duda');
  `)
  return db
}

describe('attendance', () => {
  it('is kept per participant, listed in Polish order, summed per student over the meeting', () => {
    const db = mirror()
    const cols = (table: string) =>
      (
        db.prepare(`PRAGMA table_info(${table})`).all() as Array<{
          name: string
          notnull: number
          dflt_value: unknown
        }>
      )
        .filter((c) => c.notnull && c.dflt_value === null)
        .map((c) => c.name)
    // The smallest rows the schema accepts: a meeting, two dates, participants.
    const insert = (table: string, row: Record<string, unknown>) => {
      const need = cols(table)
      const full = { ...Object.fromEntries(need.map((c) => [c, ''])), ...row }
      const keys = Object.keys(full)
      db.prepare(`INSERT INTO ${table} (${keys.join(',')}) VALUES (${keys.map(() => '?').join(',')})`).run(
        ...keys.map((k) => full[k] as string | number | null)
      )
    }
    insert('meetings', { id: 'm1' })
    insert('meeting_dates', {
      id: 'd1',
      meeting_id: 'm1',
      start_time: '2026-12-01 10:00:00',
      end_time: '2026-12-01 11:00:00'
    })
    insert('meeting_dates', {
      id: 'd2',
      meeting_id: 'm1',
      start_time: '2026-12-08 10:00:00',
      end_time: '2026-12-08 11:00:00'
    })
    for (const [id, date, user, reserve] of [
      ['p1', 'd1', 'u1', 0],
      ['p2', 'd1', 'u2', 0],
      ['p3', 'd1', 'u3', 0],
      ['p4', 'd2', 'u1', 0]
    ] as const)
      insert('participants', {
        id,
        meeting_date_id: date,
        user_id: user,
        status: 'accepted',
        is_reserve: reserve
      })
    const now = new Date('2026-12-08T12:00:00Z')
    const rows = markAttendance(
      db,
      'd1',
      [
        { participantId: 'p1', state: 'present' },
        { participantId: 'p2', state: 'absent' }
      ],
      now
    )
    expect(rows.map((r) => [r.last_name, r.attendance])).toEqual([
      ['Dąbrowski', 'absent'],
      ['Duda', null],
      ['Żak', 'present']
    ])
    markAttendance(db, 'd2', [{ participantId: 'p4', state: 'late' }], now)
    expect(studentAttendance(db, 'u1', 'm1')).toMatchObject({
      attended: 2,
      present: 1,
      late: 1,
      absent: 0,
      marked: 2
    })
    expect(studentAttendance(db, 'u2')).toMatchObject({ attended: 0, absent: 1, marked: 1 })
    // A participant USOS no longer lists keeps the attendance already counted.
    db.prepare("DELETE FROM participants WHERE id = 'p4'").run()
    expect(studentAttendance(db, 'u1', 'm1').marked).toBe(2)
    // Clearing a mark; a participant of another date is refused and nothing is written.
    markAttendance(db, 'd1', [{ participantId: 'p1', state: null }], now)
    expect(() =>
      markAttendance(
        db,
        'd1',
        [
          { participantId: 'p2', state: 'present' },
          { participantId: 'p4', state: 'present' }
        ],
        now
      )
    ).toThrow(/not on the lists/)
    expect(dateAttendance(db, 'd1').map((r) => r.attendance)).toEqual(['absent', null, null])
  })
})

import { describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  dateAttendance,
  markAttendance,
  meetingAttendance,
  studentAttendance
} from '../../../src/core/office-hours/attendance'
import { meetingAttendanceCsv } from '../../../src/core/export/attendance'
import { openDatabase } from '../../../src/core/store/db'
import { mirrorMigrations } from '../../../src/core/mirror/schema'
import type Database from 'better-sqlite3'

function mirror() {
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'attendance-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  })
  db.exec(`
    INSERT INTO users (id, first_name, last_name, student_number) VALUES ('u1', 'Łucja', 'Żak', '400001'),
      ('u2', 'Adam', 'Dąbrowski', '400002'), ('u3', 'Ewa', 'Duda', '400003');
  `)
  return db
}

/** The smallest row the schema accepts, with the values given. */
function insert(db: Database.Database, table: string, row: Record<string, unknown>) {
  const need = (
    db.prepare(`PRAGMA table_info(${table})`).all() as Array<{
      name: string
      notnull: number
      dflt_value: unknown
    }>
  )
    .filter((c) => c.notnull && c.dflt_value === null)
    .map((c) => c.name)
  const full = { ...Object.fromEntries(need.map((c) => [c, ''])), ...row }
  const keys = Object.keys(full)
  db.prepare(`INSERT INTO ${table} (${keys.join(',')}) VALUES (${keys.map(() => '?').join(',')})`).run(
    ...keys.map((k) => full[k] as string | number | null)
  )
}

const meetingDate = (db: Database.Database, id: string, meetingId: string, day: string) =>
  insert(db, 'meeting_dates', {
    id,
    meeting_id: meetingId,
    start_time: `${day} 10:00:00`,
    end_time: `${day} 11:00:00`
  })

describe('attendance', () => {
  it('is kept per participant, listed in Polish order, summed per student over the meeting', () => {
    const db = mirror()
    insert(db, 'meetings', { id: 'm1' })
    meetingDate(db, 'd1', 'm1', '2026-12-01')
    meetingDate(db, 'd2', 'm1', '2026-12-08')
    for (const [id, date, user, reserve] of [
      ['p1', 'd1', 'u1', 0],
      ['p2', 'd1', 'u2', 0],
      ['p3', 'd1', 'u3', 0],
      ['p4', 'd2', 'u1', 0]
    ] as const)
      insert(db, 'participants', {
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

describe("a meeting's attendance per student", () => {
  it('sums every date of the meeting once per person, in Polish order, as CSV with "2 z 3"', () => {
    const db = mirror()
    insert(db, 'meetings', { id: 'm1' })
    insert(db, 'meetings', { id: 'm2' })
    meetingDate(db, 'd1', 'm1', '2026-12-01')
    meetingDate(db, 'd2', 'm1', '2026-12-08')
    meetingDate(db, 'd3', 'm1', '2026-12-15')
    meetingDate(db, 'o1', 'm2', '2026-12-02')
    const people: Array<[string, string, string | null]> = [
      ['a1', 'd1', 'u1'],
      ['a2', 'd1', 'u2'],
      ['a3', 'd1', 'u3'],
      ['a4', 'd1', null],
      ['b1', 'd2', 'u1'],
      ['b2', 'd2', 'u2'],
      ['c1', 'd3', 'u1'],
      ['o', 'o1', 'u3']
    ]
    for (const [id, date, user] of people)
      insert(db, 'participants', {
        id,
        meeting_date_id: date,
        user_id: user,
        status: 'accepted',
        ...(user === null
          ? { is_external: 1, external_first_name: 'Olga', external_last_name: 'Górska' }
          : {})
      })
    const now = new Date('2026-12-15T12:00:00Z')
    const mark = (date: string, marks: Array<[string, 'present' | 'absent' | 'late']>) =>
      markAttendance(
        db,
        date,
        marks.map(([participantId, state]) => ({ participantId, state })),
        now
      )
    mark('d1', [
      ['a1', 'present'],
      ['a2', 'absent'],
      ['a3', 'late'],
      ['a4', 'present']
    ])
    mark('d2', [
      ['b1', 'late'],
      ['b2', 'present']
    ])
    mark('d3', [['c1', 'absent']])
    mark('o1', [['o', 'absent']])
    // A participant USOS no longer lists is still counted, under the name the mirror has.
    db.prepare("DELETE FROM participants WHERE id = 'c1'").run()
    const rows = meetingAttendance(db, 'm1')
    // Polish order: Dąbrowski before Duda (byte order would put Duda first), Ż last.
    expect(rows.map((r) => [r.last_name, r.present, r.late, r.absent, r.attended, r.marked])).toEqual([
      ['Dąbrowski', 1, 0, 1, 1, 2],
      ['Duda', 0, 1, 0, 1, 1],
      ['Górska', 1, 0, 0, 1, 1],
      ['Żak', 1, 1, 1, 2, 3]
    ])
    expect(meetingAttendanceCsv(rows, 'pl')).toBe(
      '\uFEFF' +
        [
          '"Imię i nazwisko";"Nr albumu";"Obecny";"Spóźniony";"Nieobecny";"Obecności"',
          '"Adam Dąbrowski";"400002";"1";"0";"1";"1 z 2"',
          '"Ewa Duda";"400003";"0";"1";"0";"1 z 1"',
          '"Olga Górska (spoza USOS)";"";"1";"0";"0";"1 z 1"',
          '"Łucja Żak";"400001";"1";"1";"1";"2 z 3"'
        ].join('\r\n') +
        '\r\n'
    )
    expect(meetingAttendanceCsv(rows, 'en').split('\r\n')[0]).toBe(
      '\uFEFF"Name","Student no.","Present","Late","Absent","Attended"'
    )
    expect(meetingAttendance(db, 'm2').map((r) => r.last_name)).toEqual(['Duda'])
    expect(() => meetingAttendance(db, 'nope')).toThrow(/not in the local data/)
  })
})

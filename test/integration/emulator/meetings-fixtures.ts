/**
 * A demo installation with a known set of office hours added on top of the seeded data, so that
 * each documented rule can be reached on purpose: a meeting per substantiation mode, an
 * auto-accept one, a closed one, one restricted to a group, a colleague's one; dates whose
 * registration has not begun, has ended, or whose meeting has started; a full date; participants
 * on the main and the reserve list. The rows go straight into the installation's own SQLite file
 * (a second connection); everything the tests check then goes over HTTP.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestInstallation, type TestInstallation } from './harness'

/** 2026-11-22 13:00 in Warsaw (CET, UTC+1): the installation's "now" in these tests. */
export const NOW = new Date('2026-11-22T12:00:00Z')
export const TERM = '2026/27-Z'

export const IDS = {
  meeting: {
    onlyFaculty: 9001,
    withParents: 9002,
    closed: 9003,
    restricted: 9004,
    colleague: 9005,
    forGroup: 9006
  },
  date: {
    /** seats 2 + reserve 1, registration open, nobody yet */
    open: 9101,
    notBegun: 9102,
    ended: 9103,
    /** started at 12:30 today; the demo student is on it */
    started: 9104,
    /** auto-accept meeting, seats 1 + reserve 1, registration open */
    autoAccept: 9105,
    closed: 9106,
    restricted: 9107,
    colleague: 9108,
    /** seats 2 + reserve 2: p.accepted, p.waiting on the main list, p.reserve, p.rejected */
    queue: 9109,
    /** seats 1 + reserve 0, full */
    full: 9110,
    /** the group meeting's date; the demo student is on it (the cart) */
    forGroup: 9111,
    /** with-parents meeting, registration open, nobody yet */
    parentsOpen: 9112,
    /** a past date of the first meeting */
    past: 9113
  },
  participant: {
    accepted: 9201,
    waiting: 9202,
    reserve: 9203,
    rejected: 9204,
    started: 9205,
    colleague: 9206,
    full: 9207,
    cart: 9208
  },
  subst: {
    /** meeting substantiations: the meeting's faculty (WMIM-II), its parent (WMIM), the root, another faculty */
    own: 9301,
    parent: 9302,
    root: 9303,
    other: 9304,
    /** rejection substantiations */
    rejectOwn: 9311,
    rejectOther: 9312
  },
  course: { member: 'FIX-KURS', notMember: 'FIX-OBCY' },
  unit: 99001
}

export interface Scenario {
  inst: TestInstallation
  db: Database.Database
  dataDir: string
  users: { lecturer: string; student: string; colleague: string; templateAdmin: string; others: string[] }
  close(): Promise<void>
}

export async function startMeetingsScenario(): Promise<Scenario> {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-meetings-'))
  const inst = await startTestInstallation({ dataDir, referenceDate: '2026-11-22' })
  inst.server.setNow(NOW)
  const db = new Database(join(dataDir, 'demo-installation.sqlite'))
  db.pragma('busy_timeout = 5000')
  const lecturer = inst.server.demoUserIds.lecturer
  const student = inst.server.demoUserIds.student
  const colleague = '200004'
  const others = ['300001', '300002', '300003', '300004', '300005', '300006', '300007', '300008']

  db.transaction(() => {
    const meeting = db.prepare(
      `INSERT INTO meetings_meetings (id, name_pl, name_en, comment_pl, comment_en, fac_id, term_id, lecturer_id, open, state,
         substantiation_mode, auto_accept) VALUES (?, ?, ?, ?, ?, 'WMIM-II', ?, ?, ?, ?, ?, ?)`
    )
    const M = IDS.meeting
    meeting.run(
      M.onlyFaculty,
      'Dyżur (test)',
      'Office hours (test)',
      'Sala 2.05',
      'Room 2.05',
      TERM,
      lecturer,
      1,
      'active',
      'this_faculty_only',
      0
    )
    meeting.run(
      M.withParents,
      'Konsultacje (test)',
      'Consultations (test)',
      null,
      null,
      TERM,
      lecturer,
      1,
      'active',
      'this_faculty_and_parents',
      1
    )
    meeting.run(
      M.closed,
      'Dyżur zamknięty',
      'Closed office hours',
      null,
      null,
      TERM,
      lecturer,
      1,
      'closed',
      'this_faculty_only',
      0
    )
    meeting.run(
      M.restricted,
      'Dyżur dla grupy',
      'Group office hours',
      null,
      null,
      TERM,
      lecturer,
      0,
      'active',
      'this_faculty_only',
      0
    )
    meeting.run(
      M.colleague,
      'Dyżur kolegi',
      'A colleague’s office hours',
      null,
      null,
      TERM,
      colleague,
      1,
      'active',
      'this_faculty_only',
      0
    )
    meeting.run(
      M.forGroup,
      'Konsultacje grupy',
      'Group consultations',
      null,
      null,
      TERM,
      lecturer,
      0,
      'active',
      'this_faculty_only',
      0
    )

    db.prepare(
      "INSERT INTO courses (id, name_pl, name_en, fac_id) VALUES (?, 'Kurs testowy', 'Test course', 'WMIM'), (?, 'Kurs obcy', 'Another course', 'WF')"
    ).run(IDS.course.member, IDS.course.notMember)
    db.prepare("INSERT INTO course_units (id, course_id, term_id, classtype_id) VALUES (?, ?, ?, 'CW')").run(
      IDS.unit,
      IDS.course.member,
      TERM
    )
    db.prepare('INSERT INTO class_groups (course_unit_id, group_number, lecturer_id) VALUES (?, 1, ?)').run(
      IDS.unit,
      lecturer
    )
    db.prepare('INSERT INTO group_members (course_unit_id, group_number, user_id) VALUES (?, 1, ?)').run(
      IDS.unit,
      student
    )
    db.prepare('INSERT INTO meetings_groups (meeting_id, course_unit_id, group_number) VALUES (?, ?, 1)').run(
      M.forGroup,
      IDS.unit
    )

    const date = db.prepare(
      `INSERT INTO meetings_dates (id, meeting_id, comment_pl, comment_en, start_time, end_time, registration_start_time,
         registration_end_time, seats_limit, reserve_seats_limit, room_id) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, 1001)`
    )
    const D = IDS.date
    const openWindow = ['2026-11-10 08:00:00', '2026-12-20 20:00:00'] as const
    date.run(D.open, M.onlyFaculty, '2026-12-01 10:00:00', '2026-12-01 11:00:00', ...openWindow, 2, 1)
    date.run(
      D.notBegun,
      M.onlyFaculty,
      '2026-12-15 10:00:00',
      '2026-12-15 11:00:00',
      '2026-12-01 08:00:00',
      '2026-12-14 20:00:00',
      5,
      0
    )
    date.run(
      D.ended,
      M.onlyFaculty,
      '2026-11-23 10:00:00',
      '2026-11-23 11:00:00',
      '2026-11-09 08:00:00',
      '2026-11-21 20:00:00',
      5,
      0
    )
    date.run(
      D.started,
      M.onlyFaculty,
      '2026-11-22 12:30:00',
      '2026-11-22 14:00:00',
      '2026-11-08 08:00:00',
      '2026-11-22 12:00:00',
      5,
      0
    )
    date.run(D.autoAccept, M.withParents, '2026-12-02 10:00:00', '2026-12-02 11:00:00', ...openWindow, 1, 1)
    date.run(D.closed, M.closed, '2026-12-03 10:00:00', '2026-12-03 11:00:00', ...openWindow, 5, 0)
    date.run(D.restricted, M.restricted, '2026-12-04 10:00:00', '2026-12-04 11:00:00', ...openWindow, 5, 0)
    date.run(D.colleague, M.colleague, '2026-12-05 10:00:00', '2026-12-05 11:00:00', ...openWindow, 5, 0)
    date.run(D.queue, M.onlyFaculty, '2026-12-07 10:00:00', '2026-12-07 11:00:00', ...openWindow, 2, 2)
    date.run(D.full, M.onlyFaculty, '2026-12-08 10:00:00', '2026-12-08 11:00:00', ...openWindow, 1, 0)
    date.run(D.forGroup, M.forGroup, '2026-12-09 10:00:00', '2026-12-09 11:00:00', ...openWindow, 5, 0)
    date.run(D.parentsOpen, M.withParents, '2026-12-10 10:00:00', '2026-12-10 11:00:00', ...openWindow, 5, 0)
    date.run(
      D.past,
      M.onlyFaculty,
      '2026-11-16 10:00:00',
      '2026-11-16 11:00:00',
      '2026-11-02 08:00:00',
      '2026-11-15 20:00:00',
      5,
      0
    )

    const subst = db.prepare(
      'INSERT INTO meetings_substantiations (id, name_pl, name_en, message_pl, message_en, type, fac_id) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    const S = IDS.subst
    subst.run(S.own, 'Konsultacje (II)', 'Consultation (II)', 'Pytania', 'Questions', 'meeting', 'WMIM-II')
    subst.run(S.parent, 'Sprawy wydziałowe', 'Faculty matters', null, null, 'meeting', 'WMIM')
    subst.run(S.root, 'Sprawy ogólne', 'General matters', null, null, 'meeting', '00000000')
    subst.run(S.other, 'Fizyka', 'Physics', null, null, 'meeting', 'WF')
    subst.run(S.rejectOwn, 'Brak miejsc (II)', 'No seats (II)', null, null, 'rejection', 'WMIM-II')
    subst.run(S.rejectOther, 'Brak miejsc (WF)', 'No seats (WF)', null, null, 'rejection', 'WF')

    const participant = db.prepare(
      `INSERT INTO meetings_participants (id, meeting_date_id, user_id, status, is_reserve, number_in_queue, substantiation_id,
         substantiation_message, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-11-15 10:00:00')`
    )
    const P = IDS.participant
    participant.run(P.accepted, D.queue, others[0], 'accepted', 0, 1, S.own, 'Projekt')
    participant.run(P.waiting, D.queue, others[1], 'waiting', 0, 2, S.own, null)
    participant.run(P.reserve, D.queue, others[2], 'waiting', 1, 1, S.own, null)
    participant.run(P.rejected, D.queue, others[3], 'rejected', 0, null, S.own, null)
    participant.run(P.started, D.started, student, 'accepted', 0, 1, S.own, null)
    participant.run(P.colleague, D.colleague, others[4], 'waiting', 0, 1, null, null)
    participant.run(P.full, D.full, others[5], 'accepted', 0, 1, S.own, null)
    participant.run(P.cart, D.forGroup, student, 'waiting', 0, 1, S.own, 'Pytanie o projekt')
  })()

  return {
    inst,
    db,
    dataDir,
    users: { lecturer, student, colleague, templateAdmin: inst.server.demoUserIds.template_admin, others },
    close: async () => {
      db.close()
      await inst.close()
    }
  }
}

/** The participants of a date as the lecturer sees them, in list order. */
export async function participantsOf(s: Scenario, dateId: number) {
  const r = await s.inst.call('meetings/meeting_date_participants', {
    meeting_date_id: String(dateId),
    fields: 'id|status|is_reserve|number_in_queue|user[id]|is_external|external_first_name|external_email'
  })
  if (r.status !== 200) throw new Error(`meeting_date_participants: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as Array<{
    id: number
    status: string
    is_reserve: boolean
    number_in_queue: number | null
    user: { id: string } | null
    is_external: boolean
    external_first_name: string | null
    external_email: string | null
  }>
}

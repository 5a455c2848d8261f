import type Database from 'better-sqlite3'
import type { Rng, Scale, SeedWorld } from '../../framework/types'
import { generateMeetingDates } from './generate'
import { addDaysToDay, daysBetween, isoWeekday } from '../../framework/time'
import { MEETING_NAMES, MESSAGES } from './seed-texts'
import { seedFreeDays, seedSubstantiations } from './seed-reference'
import { seedNotes } from './seed-notes'

const SIZES: Record<
  Scale,
  { ownMeetings: number; colleagueMeetings: number; datesPerMeeting: number; fill: number }
> = {
  small: { ownMeetings: 3, colleagueMeetings: 2, datesPerMeeting: 14, fill: 0.6 },
  medium: { ownMeetings: 8, colleagueMeetings: 8, datesPerMeeting: 26, fill: 0.7 },
  large: { ownMeetings: 44, colleagueMeetings: 8, datesPerMeeting: 34, fill: 0.97 }
}

/** The demo student is put on this many upcoming dates of open meetings, so their cart is never empty. */
const DEMO_STUDENT_DATES = 3

/**
 * Office hours around the reference date: mostly the demo lecturer's (in their own faculty),
 * some colleagues' in other faculties, with participants on the main and reserve lists, a few
 * rejected, some non-USOS people, and the lecturer's notes about the students who came.
 * The caller runs this inside one transaction.
 */
export function seedMeetings(db: Database.Database, world: SeedWorld, rng: Rng): void {
  const size = SIZES[world.scale]
  const root = world.faculties[0] as string
  // The demo lecturer's faculty: the first one under the root (WMIM in the common seed).
  const ownFac = world.faculties.includes('WMIM') ? 'WMIM' : (world.faculties[1] ?? root)
  const subst = seedSubstantiations(db, world.faculties)
  const freeDays = seedFreeDays(db, world, ownFac)

  const insertMeeting = db.prepare(
    `INSERT INTO meetings_meetings (name_pl, name_en, comment_pl, comment_en, fac_id, term_id, lecturer_id, open, state, substantiation_mode, auto_accept)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertGroup = db.prepare(
    'INSERT OR IGNORE INTO meetings_groups (meeting_id, course_unit_id, group_number) VALUES (?, ?, ?)'
  )
  const insertDate = db.prepare(
    `INSERT INTO meetings_dates (meeting_id, comment_pl, comment_en, start_time, end_time, registration_start_time, registration_end_time,
       seats_limit, reserve_seats_limit, room_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertParticipant = db.prepare(
    `INSERT INTO meetings_participants (meeting_date_id, user_id, external_first_name, external_last_name, external_email, external_contact,
       status, is_reserve, number_in_queue, substantiation_id, substantiation_message, rejection_substantiation_id,
       rejection_substantiation_message, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )

  // Dates run from the later of the term's start and six weeks back, for about four months.
  // (Plain YYYY-MM-DD arithmetic: the machine's time zone must not shift a day.)
  const term = world.currentTerm
  const sixWeeksBack = addDaysToDay(world.referenceDate, -42)
  const from = term.start_date > sixWeeksBack ? term.start_date : sixWeeksBack
  const demoLecturer = world.users.demo.lecturer
  const demoStudent = world.users.demo.student
  const colleagues = world.users.staff.filter((s) => !Object.values(world.users.demo).includes(s))
  const lecturers = [
    ...Array.from({ length: size.ownMeetings }, () => demoLecturer),
    ...Array.from(
      { length: size.colleagueMeetings },
      (_, i) => (colleagues[i % Math.max(1, colleagues.length)] ?? demoLecturer) as string
    )
  ]
  const otherFacs = world.faculties.filter((f) => f !== root && f !== ownFac)
  // Students who came to the demo lecturer, per faculty: whom the seeded notes are about.
  const visitors = new Map<string, Set<string>>()
  let demoStudentDates = 0
  let lecturerAsStudent = false

  for (const [i, lecturerId] of lecturers.entries()) {
    const [npl, nen, cpl, cen] = MEETING_NAMES[i % MEETING_NAMES.length] as (typeof MEETING_NAMES)[number]
    const own = lecturerId === demoLecturer
    const fac = own || otherFacs.length === 0 ? ownFac : rng.pick(otherFacs)
    const autoAccept = rng.bool(0.3)
    // The first colleague's meeting is always open, so that the attendee side and the colleagues'
    // dates have something to show whatever the seed and the day.
    const open = rng.bool(0.7) || i === size.ownMeetings
    const withParents = rng.bool()
    const meetingId = Number(
      insertMeeting.run(
        own && i > 0 ? `${npl} — ${['grupa 1', 'grupa 2', 'mgr', 'lic.'][i % 4]}` : npl,
        own && i > 0 ? `${nen} — ${['group 1', 'group 2', 'MSc', 'BSc'][i % 4]}` : nen,
        cpl,
        cen,
        fac,
        term.id,
        lecturerId,
        open ? 1 : 0,
        i % 11 === 10 ? 'closed' : 'active',
        withParents ? 'this_faculty_and_parents' : 'this_faculty_only',
        autoAccept ? 1 : 0
      ).lastInsertRowid
    )
    const groups = world.groups
      .filter((_, gi) => gi % lecturers.length === i % world.groups.length)
      .slice(0, 2)
    for (const g of groups) insertGroup.run(meetingId, g.course_unit_id, g.group_number)
    // A participant's reason is one the meeting accepts: its faculty's own, or with parents the university's.
    const meetingReasons = [
      ...(subst.meeting.get(fac) ?? []),
      ...(withParents ? (subst.meeting.get(root) ?? []) : [])
    ]
    const rejectionReasons = subst.rejection.get(fac) ?? []

    // Weekly (or odd-week) slots on a weekday, skipping holidays and the faculty's free days.
    const days = generateMeetingDates({
      startDate: from,
      endDate: addDaysToDay(from, 7 * (size.datesPerMeeting + 4)),
      number: size.datesPerMeeting,
      frequency: i % 4 === 3 ? 'biweekly_odd' : 'weekly',
      weekDay: 1 + (i % 5),
      useCalendar: true,
      startEven: false,
      freeDays: freeDays(fac)
    })
    const hour = 8 + ((i * 3) % 9)
    const minutes = i % 2 ? '30' : '00'
    const room = rng.pick(world.rooms)
    for (const d of days) {
      const seats = world.scale === 'large' ? rng.pick([8, 10, 12, 15]) : rng.pick([4, 6, 8, 10, 12])
      const reserve = rng.pick([0, 2, 3, 5])
      const start = `${d} ${String(hour).padStart(2, '0')}:${minutes}:00`
      const end = `${d} ${String(hour + 1).padStart(2, '0')}:${i % 3 === 0 ? '30' : minutes}:00`
      const comment = rng.bool(0.2)
      const dateId = Number(
        insertDate.run(
          meetingId,
          comment ? 'Proszę o punktualność.' : null,
          comment ? 'Please be on time.' : null,
          start,
          end,
          `${addDaysToDay(d, -14)} 08:00:00`,
          `${addDaysToDay(d, -1)} 20:00:00`,
          seats,
          reserve,
          rng.bool(0.9) ? room : null
        ).lastInsertRowid
      )
      // Past dates are mostly full; future ones fill up as they approach. (At large scale every
      // date is nearly full: that scale exists to load the app.)
      const past = d < world.referenceDate
      const share =
        past || world.scale === 'large'
          ? size.fill
          : Math.max(0.1, size.fill - daysBetween(world.referenceDate, d) / 60)
      const wanted = Math.min(
        seats + reserve,
        Math.round((seats + reserve) * share) + (isoWeekday(d) === 1 ? 1 : 0)
      )
      const people = rng.shuffle(world.users.students).slice(0, wanted)
      // The demo people as students: the student on a few upcoming open dates, the lecturer (a
      // doctoral student too) on one colleague's date. First in line, so on the main list.
      const upcoming = !past && open && wanted > 0
      if (upcoming && own && demoStudentDates < DEMO_STUDENT_DATES && !people.includes(demoStudent)) {
        people[0] = demoStudent
        demoStudentDates++
      }
      if (upcoming && !own && !lecturerAsStudent && !people.includes(demoLecturer)) {
        people[0] = demoLecturer
        lecturerAsStudent = true
      }
      let main = 0
      let queue = 0
      for (const [k, userId] of people.entries()) {
        const demo = userId === demoStudent || userId === demoLecturer
        const external = !demo && rng.bool(0.06)
        const rejected = !demo && rng.bool(0.05)
        const isReserve = !rejected && main >= seats
        const status = rejected
          ? 'rejected'
          : autoAccept || (!isReserve && rng.bool(0.75))
            ? isReserve
              ? 'waiting'
              : 'accepted'
            : 'waiting'
        if (!rejected && !isReserve) main++
        const number = rejected ? null : isReserve ? ++queue : main
        if (own && !external) {
          const set = visitors.get(fac) ?? new Set<string>()
          set.add(userId)
          visitors.set(fac, set)
        }
        insertParticipant.run(
          dateId,
          external ? null : userId,
          external ? rng.pick(['Ewa', 'Adam', 'Olga', 'Marek']) : null,
          external ? rng.pick(['Zielińska', 'Nowicki', 'Kaczmarek', 'Sikora']) : null,
          external ? `gosc${dateId}_${k}@example.com` : null,
          external && rng.bool() ? 'tel. 600 100 200' : null,
          status,
          isReserve ? 1 : 0,
          number,
          meetingReasons.length > 0 ? rng.pick(meetingReasons) : null,
          rng.pick(MESSAGES),
          rejected && rejectionReasons.length > 0 ? rng.pick(rejectionReasons) : null,
          rejected ? 'Proszę wybrać inny termin.' : null,
          `${addDaysToDay(d, -rng.int(1, 10))} ${String(rng.int(8, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`
        )
      }
    }
  }
  seedNotes(db, world, rng, visitors, colleagues[0] ?? null)
}

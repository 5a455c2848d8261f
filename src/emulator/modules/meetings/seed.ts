import type Database from 'better-sqlite3'
import type { Rng, Scale, SeedWorld } from '../../framework/types'
import { generateMeetingDates } from '../../../core/schedule/generate'
import { addDaysToDay, daysBetween, isoWeekday } from '../../framework/time'

const SIZES: Record<
  Scale,
  { ownMeetings: number; colleagueMeetings: number; datesPerMeeting: number; fill: number }
> = {
  small: { ownMeetings: 3, colleagueMeetings: 2, datesPerMeeting: 14, fill: 0.6 },
  medium: { ownMeetings: 8, colleagueMeetings: 8, datesPerMeeting: 26, fill: 0.7 },
  large: { ownMeetings: 44, colleagueMeetings: 8, datesPerMeeting: 34, fill: 0.97 }
}

const MEETING_NAMES: Array<[string, string, string | null, string | null]> = [
  ['Dyżur', 'Office hours', 'Proszę zapisywać się z wyprzedzeniem.', 'Please sign up in advance.'],
  [
    'Konsultacje przed egzaminem',
    'Consultations before the exam',
    'Tylko dla studentów kursu.',
    'For students of the course only.'
  ],
  ['Konsultacje prac dyplomowych', 'Thesis consultations', null, null],
  [
    'Dyżur dla doktorantów',
    'Office hours for PhD students',
    'Sala może się zmienić.',
    'The room may change.'
  ],
  ['Zaliczenia poprawkowe', 'Resit assessments', 'Proszę zabrać indeks.', 'Please bring your student ID.'],
  ['Omówienie kolokwium', 'Test review', null, null]
]
const MEETING_SUBST: Array<[string, string, string, string]> = [
  ['Konsultacje', 'Consultation', 'Pytania dotyczące zajęć', 'Questions about the classes'],
  ['Praca dyplomowa', 'Thesis', 'Sprawy pracy dyplomowej', 'Thesis matters'],
  ['Sprawy organizacyjne', 'Administrative matters', 'Zaliczenia, terminy', 'Credits and deadlines'],
  ['Poprawa oceny', 'Grade improvement', 'Wgląd do pracy, poprawa', 'Reviewing a test, resits']
]
const REJECTION_SUBST: Array<[string, string, string, string]> = [
  ['Brak miejsc', 'No seats left', 'Proszę zapisać się na inny termin.', 'Please sign up for another date.'],
  [
    'Sprawa do załatwienia mailowo',
    'Can be handled by e-mail',
    'Proszę napisać wiadomość.',
    'Please send an e-mail.'
  ],
  ['Termin odwołany', 'Date cancelled', 'Przepraszam za utrudnienia.', 'Sorry for the inconvenience.']
]
const MESSAGES = [
  'Chciałbym omówić projekt.',
  'Pytanie o kolokwium.',
  'Wgląd do pracy.',
  'Prośba o podpis.',
  'Konsultacja tematu pracy.',
  null,
  null
]

export function seedMeetings(db: Database.Database, world: SeedWorld, rng: Rng): void {
  const size = SIZES[world.scale]
  const insertSubst = db.prepare(
    'INSERT INTO meetings_substantiations (name_pl, name_en, message_pl, message_en, type, fac_id) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const meetingSubst: number[] = []
  const rejectionSubst: number[] = []
  // Substantiations of the university (root) apply everywhere with "and parents"; the faculty's own ones only there.
  for (const fac of [world.faculties[0] as string, 'WMIM']) {
    for (const [pl, en, mpl, men] of MEETING_SUBST)
      meetingSubst.push(
        Number(
          insertSubst.run(`${pl}${fac === 'WMIM' ? ' (WMIM)' : ''}`, en, mpl, men, 'meeting', fac)
            .lastInsertRowid
        )
      )
    for (const [pl, en, mpl, men] of REJECTION_SUBST)
      rejectionSubst.push(
        Number(
          insertSubst.run(`${pl}${fac === 'WMIM' ? ' (WMIM)' : ''}`, en, mpl, men, 'rejection', fac)
            .lastInsertRowid
        )
      )
  }
  const insertFree = db.prepare('INSERT OR IGNORE INTO meetings_fac_free_days (fac_id, day) VALUES (?, ?)')
  // Dean's days: a Friday in November and the first days after the winter break.
  const term = world.currentTerm
  insertFree.run('WMIM', `${term.start_date.slice(0, 4)}-11-13`)
  insertFree.run('WMIM', `${term.start_date.slice(0, 4)}-11-14`)

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
  const sixWeeksBack = addDaysToDay(world.referenceDate, -42)
  const from = term.start_date > sixWeeksBack ? term.start_date : sixWeeksBack
  const lecturers = [
    ...Array.from({ length: size.ownMeetings }, () => world.users.demo.lecturer),
    ...Array.from(
      { length: size.colleagueMeetings },
      (_, i) => world.users.staff[3 + (i % Math.max(1, world.users.staff.length - 3))] as string
    )
  ]
  const nonWMIM = world.faculties.filter((f) => f !== world.faculties[0])
  for (const [i, lecturerId] of lecturers.entries()) {
    const [npl, nen, cpl, cen] = MEETING_NAMES[i % MEETING_NAMES.length] as (typeof MEETING_NAMES)[number]
    const own = lecturerId === world.users.demo.lecturer
    const fac = own ? 'WMIM' : rng.pick(nonWMIM)
    const autoAccept = rng.bool(0.3)
    const meetingId = Number(
      insertMeeting.run(
        own && i > 0 ? `${npl} — ${['grupa 1', 'grupa 2', 'mgr', 'lic.'][i % 4]}` : npl,
        own && i > 0 ? `${nen} — ${['group 1', 'group 2', 'MSc', 'BSc'][i % 4]}` : nen,
        cpl,
        cen,
        fac,
        term.id,
        lecturerId,
        rng.bool(0.7) ? 1 : 0,
        i % 11 === 10 ? 'closed' : 'active',
        rng.bool() ? 'this_faculty_and_parents' : 'this_faculty_only',
        autoAccept ? 1 : 0
      ).lastInsertRowid
    )
    const groups = world.groups
      .filter((_, gi) => gi % lecturers.length === i % world.groups.length)
      .slice(0, 2)
    for (const g of groups) insertGroup.run(meetingId, g.course_unit_id, g.group_number)

    // Weekly (or odd-week) slots on a weekday, skipping holidays: the local generator decides the days.
    const weekDay = 1 + (i % 5)
    const days = generateMeetingDates({
      startDate: from,
      endDate: addDaysToDay(from, 7 * (size.datesPerMeeting + 4)),
      number: size.datesPerMeeting,
      frequency: i % 4 === 3 ? 'biweekly_odd' : 'weekly',
      weekDay,
      useCalendar: true,
      startEven: false
    })
    const hour = 8 + ((i * 3) % 9)
    const minutes = i % 2 ? '30' : '00'
    const room = rng.pick(world.rooms)
    for (const d of days) {
      const seats = world.scale === 'large' ? rng.pick([8, 10, 12, 15]) : rng.pick([4, 6, 8, 10, 12])
      const reserve = rng.pick([0, 2, 3, 5])
      const start = `${d} ${String(hour).padStart(2, '0')}:${minutes}:00`
      const end = `${d} ${String(hour + 1).padStart(2, '0')}:${i % 3 === 0 ? '30' : minutes}:00`
      const regStart = `${addDaysToDay(d, -14)} 08:00:00`
      const regEnd = `${addDaysToDay(d, -1)} 20:00:00`
      const dateId = Number(
        insertDate.run(
          meetingId,
          rng.bool(0.2) ? 'Proszę o punktualność' : null,
          null,
          start,
          end,
          regStart,
          regEnd,
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
      let main = 0
      let queue = 0
      for (const [k, userId] of people.entries()) {
        const external = rng.bool(0.06)
        const rejected = rng.bool(0.05)
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
        const subst = rng.pick(meetingSubst)
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
          subst,
          rng.pick(MESSAGES),
          rejected ? rng.pick(rejectionSubst) : null,
          rejected ? 'Proszę wybrać inny termin.' : null,
          `${addDaysToDay(d, -rng.int(1, 10))} ${String(rng.int(8, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`
        )
      }
    }
  }
}

/**
 * The meetings module's business rules over HTTP, on the known office hours of
 * meetings-fixtures: seats and the reserve list, queue numbers, auto-accept, registration
 * windows, substantiation modes, who may see and do what, notes, the cart, calendars.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IDS, NOW, TERM, participantsOf, startMeetingsScenario, type Scenario } from './meetings-fixtures'
import { startTestInstallation } from './harness'

let s: Scenario
beforeAll(async () => {
  s = await startMeetingsScenario()
})
afterAll(() => s.close())

const call = (...a: Parameters<Scenario['inst']['call']>) => s.inst.call(...a)
const signUp = (dateId: number, substId: number, as: 'student' | 'lecturer' = 'student') =>
  call('meetings/sign_up', { meeting_date_id: String(dateId), substantiation_id: String(substId) }, { as })
const specific = (dateId: number, userId: string, extra: Record<string, string> = {}) =>
  call('meetings/sign_up_specific_user', { meeting_date_id: String(dateId), user_id: userId, ...extra })
const dateFields = async (dateId: number, fields: string, as: 'student' | 'lecturer' = 'lecturer') =>
  (await call('meetings/meeting_date', { meeting_date_id: String(dateId), fields }, { as })).body

describe('seats, the reserve list and queue numbers', () => {
  it('fills the main list, then the reserve, then refuses; rejecting moves the reserve up', async () => {
    const D = IDS.date.open // 2 seats + 1 reserve, nobody yet
    expect(await dateFields(D, 'can_i_sign_up|can_i_sign_out|user_status', 'student')).toEqual({
      can_i_sign_up: true,
      can_i_sign_out: false,
      user_status: null
    })
    expect((await signUp(D, IDS.subst.own)).status).toBe(200)
    // Not an auto-accept meeting: the student waits for the lecturer, on the main list.
    expect(await dateFields(D, 'user_status|can_i_sign_up|can_i_sign_out', 'student')).toEqual({
      user_status: 'waiting',
      can_i_sign_up: false,
      can_i_sign_out: true
    })
    expect((await specific(D, s.users.others[6] as string)).status).toBe(200)
    const outsider = await call('meetings/sign_up_non_usos_person', {
      meeting_date_id: String(D),
      first_name: 'Olga',
      last_name: 'Sikora',
      email: 'olga.sikora@example.com',
      contact_data: 'tel. 600 100 200'
    })
    expect(outsider.status).toBe(200)
    const full = await specific(D, s.users.others[7] as string)
    expect(full.body).toMatchObject({
      error: 'meeting_subscription_exception',
      reason: 'seats_limit_exceeded'
    })

    let list = await participantsOf(s, D)
    expect(
      list.map((p) => [p.user?.id ?? p.external_email, p.status, p.is_reserve, p.number_in_queue])
    ).toEqual([
      [s.users.student, 'waiting', false, 1],
      [s.users.others[6], 'accepted', false, 2],
      // Documented default status is accepted, but the reserve list only waits.
      ['olga.sikora@example.com', 'waiting', true, 1]
    ])
    expect(list[2]).toMatchObject({ is_external: true, external_first_name: 'Olga', user: null })
    expect(
      await dateFields(
        D,
        'registered_participants_count|accepted_participants_count|waiting_participants_count'
      )
    ).toEqual({
      registered_participants_count: 3,
      accepted_participants_count: 2,
      waiting_participants_count: 1
    })
    expect(await dateFields(D, 'can_i_sign_up')).toEqual({ can_i_sign_up: false })

    const first = list[0]!
    const rejected = await call('meetings/reject_participant', {
      participant_id: String(first.id),
      substantiation_id: String(IDS.subst.rejectOwn),
      substantiation_message: 'Proszę przyjść w czwartek.'
    })
    expect(rejected.status).toBe(200)
    list = await participantsOf(s, D)
    expect(
      list.map((p) => [p.user?.id ?? p.external_email, p.status, p.is_reserve, p.number_in_queue])
    ).toEqual([
      [s.users.others[6], 'accepted', false, 1],
      ['olga.sikora@example.com', 'waiting', false, 2],
      [s.users.student, 'rejected', false, null]
    ])
    const detail = await call(
      'meetings/participant',
      {
        participant_id: String(first.id),
        fields: 'status|rejection_substantiation[id|type]|rejection_substantiation_message|number_in_queue'
      },
      { as: 'student' }
    )
    expect(detail.body).toEqual({
      status: 'rejected',
      rejection_substantiation: { id: IDS.subst.rejectOwn, type: 'rejection' },
      rejection_substantiation_message: 'Proszę przyjść w czwartek.',
      number_in_queue: null
    })
    // The lecturer takes the rejection back: the student goes to the end of whichever list has room.
    expect((await call('meetings/accept_participant', { participant_id: String(first.id) })).status).toBe(200)
    list = await participantsOf(s, D)
    expect(list.find((p) => p.id === first.id)).toMatchObject({
      status: 'accepted',
      is_reserve: true,
      number_in_queue: 1
    })
  })

  it('accepting a waiting participant keeps their place; the lecturer sees the actions left', async () => {
    const before = await participantsOf(s, IDS.date.queue)
    const waiting = before.find((p) => p.id === IDS.participant.waiting)!
    const actions = async (as: 'lecturer' | 'student') =>
      (
        await call(
          'meetings/participant',
          { participant_id: String(IDS.participant.waiting), fields: 'lecturer_actions|user_actions' },
          { as }
        )
      ).body
    expect(await actions('lecturer')).toEqual({ lecturer_actions: ['accept', 'reject'], user_actions: [] })
    expect(await actions('student')).toEqual({ lecturer_actions: [], user_actions: [] })
    expect((await call('meetings/accept_participant', { participant_id: String(waiting.id) })).status).toBe(
      200
    )
    const after = await participantsOf(s, IDS.date.queue)
    expect(after.find((p) => p.id === waiting.id)).toMatchObject({
      status: 'accepted',
      is_reserve: false,
      number_in_queue: waiting.number_in_queue
    })
    expect(await actions('lecturer')).toEqual({ lecturer_actions: ['reject'], user_actions: [] })
  })

  it('puts a sign-up after a full main list on the reserve, and signing off closes the gap', async () => {
    // queue date: 2 seats (taken) + 2 reserve (one taken)
    expect((await signUp(IDS.date.queue, IDS.subst.own)).status).toBe(200)
    let list = await participantsOf(s, IDS.date.queue)
    expect(list.find((p) => p.user?.id === s.users.student)).toMatchObject({
      status: 'waiting',
      is_reserve: true,
      number_in_queue: 2
    })
    // The first on the reserve leaves: the student becomes first.
    const reserve1 = list.find((p) => p.id === IDS.participant.reserve)!
    expect(reserve1.number_in_queue).toBe(1)
    await call('meetings/reject_participant', { participant_id: String(reserve1.id) })
    list = await participantsOf(s, IDS.date.queue)
    expect(list.find((p) => p.user?.id === s.users.student)).toMatchObject({
      is_reserve: true,
      number_in_queue: 1
    })
    expect(
      (await call('meetings/sign_off', { meeting_date_id: String(IDS.date.queue) }, { as: 'student' })).status
    ).toBe(200)
    list = await participantsOf(s, IDS.date.queue)
    expect(list.some((p) => p.user?.id === s.users.student)).toBe(false)
    expect(list.filter((p) => p.is_reserve)).toEqual([])
  })

  it('accepts at once on an auto-accept meeting, also whoever moves up from the reserve', async () => {
    const D = IDS.date.autoAccept // 1 seat + 1 reserve
    expect((await signUp(D, IDS.subst.root)).status).toBe(200)
    expect(await dateFields(D, 'user_status', 'student')).toEqual({ user_status: 'accepted' })
    expect((await specific(D, s.users.others[6] as string)).status).toBe(200)
    let list = await participantsOf(s, D)
    expect(list.map((p) => [p.user?.id, p.status, p.is_reserve])).toEqual([
      [s.users.student, 'accepted', false],
      [s.users.others[6], 'waiting', true]
    ])
    await call('meetings/reject_participant', { participant_id: String(list[0]!.id) })
    list = await participantsOf(s, D)
    expect(list[0]).toMatchObject({
      user: { id: s.users.others[6] },
      status: 'accepted',
      is_reserve: false,
      number_in_queue: 1
    })
  })

  it('signs up specific users and outsiders with the status asked for, and refuses doubles', async () => {
    const D = IDS.date.parentsOpen
    expect((await specific(D, s.users.others[2] as string, { status: 'waiting' })).status).toBe(200)
    expect((await specific(D, s.users.others[2] as string)).body).toMatchObject({
      reason: 'user_already_subscribed'
    })
    const unknown = await specific(D, '999999999')
    expect(unknown.body).toMatchObject({ error: 'object_not_found', param_name: 'user_id' })
    expect(
      (
        await call('meetings/sign_up_non_usos_person', {
          meeting_date_id: String(D),
          first_name: 'Jan',
          last_name: 'Gość',
          status: 'waiting'
        })
      ).status
    ).toBe(200)
    const list = await participantsOf(s, D)
    expect(list.map((p) => [p.user?.id ?? p.external_first_name, p.status])).toEqual([
      [s.users.others[2], 'waiting'],
      ['Jan', 'waiting']
    ])
  })
})

describe('registration windows and time', () => {
  it('opens sign-up at registration_start_time and closes it at registration_end_time', async () => {
    const D = IDS.date.colleague // window 2026-11-10 08:00 .. 2026-12-20 20:00, starts 2026-12-05 10:00
    try {
      s.inst.server.setNow(new Date('2026-11-10T06:59:00Z')) // 07:59 in Warsaw
      expect(await dateFields(D, 'can_i_sign_up', 'student')).toEqual({ can_i_sign_up: false })
      expect((await signUp(D, IDS.subst.own)).body).toMatchObject({ reason: 'meeting_date_not_begun' })
      s.inst.server.setNow(new Date('2026-12-05T09:00:00Z')) // 10:00: the meeting starts
      expect(await dateFields(D, 'can_i_sign_up', 'student')).toEqual({ can_i_sign_up: false })
      expect((await signUp(D, IDS.subst.own)).body).toMatchObject({ reason: 'meeting_date_ended' })
      s.inst.server.setNow(new Date('2026-12-05T08:59:00Z')) // 09:59
      expect(await dateFields(D, 'can_i_sign_up', 'student')).toEqual({ can_i_sign_up: true })
      expect((await signUp(D, IDS.subst.own)).status).toBe(200)
      s.inst.server.setNow(new Date('2026-12-05T09:00:01Z'))
      expect(await dateFields(D, 'can_i_sign_out', 'student')).toEqual({ can_i_sign_out: false })
      expect(
        (await call('meetings/sign_off', { meeting_date_id: String(D) }, { as: 'student' })).body
      ).toMatchObject({
        reason: 'meeting_date_has_started'
      })
    } finally {
      s.inst.server.setNow(NOW)
    }
  })

  it('answers soonest_datetime from the future dates only', async () => {
    const m = await call('meetings/meeting', {
      meeting_id: String(IDS.meeting.onlyFaculty),
      fields: 'soonest_datetime'
    })
    // 12:30 today has begun at 13:00; the next is tomorrow's.
    expect(m.body).toEqual({ soonest_datetime: '2026-11-23 10:00:00' })
    const closed = await call('meetings/meeting', {
      meeting_id: String(IDS.meeting.closed),
      fields: 'state|open|auto_accept|substantiation_mode'
    })
    expect(closed.body).toEqual({
      state: 'closed',
      open: true,
      auto_accept: false,
      substantiation_mode: 'this_faculty_only'
    })
  })
})

describe('substantiations', () => {
  it('lists a faculty’s own substantiations, and its parents’ with with_parents (the default)', async () => {
    const ids = async (params: Record<string, string>, method = 'meetings/get_meeting_substantiations') =>
      ((await call(method, params, { as: null })).body as Array<{ id: number }>).map((x) => x.id)
    const withParents = await ids({ fac_id: 'WMIM-II' })
    expect(withParents).toEqual(expect.arrayContaining([IDS.subst.own, IDS.subst.parent, IDS.subst.root]))
    expect(withParents).not.toContain(IDS.subst.other)
    expect(withParents).not.toContain(IDS.subst.rejectOwn)
    // Without parents: exactly the faculty's own rows of that type (seeded ones and the fixture's).
    const own = (type: string) =>
      (
        s.db
          .prepare(
            "SELECT id FROM meetings_substantiations WHERE fac_id = 'WMIM-II' AND type = ? ORDER BY id"
          )
          .all(type) as Array<{ id: number }>
      ).map((r) => r.id)
    expect(own('meeting')).toContain(IDS.subst.own)
    expect(await ids({ fac_id: 'WMIM-II', with_parents: 'false' })).toEqual(own('meeting'))
    expect(await ids({ fac_id: 'WMIM-II', with_parents: 'false' })).not.toContain(IDS.subst.parent)
    expect(
      await ids({ fac_id: 'WMIM-II', with_parents: 'false' }, 'meetings/get_rejection_substantiations')
    ).toEqual(own('rejection'))
    expect(own('rejection')).toContain(IDS.subst.rejectOwn)
    expect(
      (await call('meetings/get_meeting_substantiations', { fac_id: 'NOPE' }, { as: null })).body
    ).toMatchObject({
      error: 'object_not_found',
      param_name: 'fac_id'
    })
    const one = await call(
      'meetings/substantiation',
      { id: String(IDS.subst.parent), fields: 'id|type|faculty[id|name]' },
      { as: null }
    )
    expect(one.body).toEqual({
      id: IDS.subst.parent,
      type: 'meeting',
      faculty: {
        id: 'WMIM',
        name: { pl: 'Wydział Matematyki, Informatyki i Mechaniki', en: expect.any(String) }
      }
    })
  })

  it('accepts only what the meeting’s substantiation mode allows', async () => {
    // this_faculty_only at WMIM-II: its own only.
    const only = IDS.date.notBegun // the lecturer's sign-ups are not bound by the registration window
    const results: Record<string, unknown> = {}
    for (const [name, id] of Object.entries({
      own: IDS.subst.own,
      parent: IDS.subst.parent,
      root: IDS.subst.root,
      other: IDS.subst.other
    })) {
      const r = await specific(only, s.users.others[Object.keys(results).length] as string, {
        substantiation_id: String(id)
      })
      results[name] = r.status === 200 ? 'ok' : r.body.reason
    }
    expect(results).toEqual({
      own: 'ok',
      parent: 'invalid_substantiation',
      root: 'invalid_substantiation',
      other: 'invalid_substantiation'
    })
    // this_faculty_and_parents at WMIM-II: up the tree to the university, not sideways.
    const parents = IDS.date.parentsOpen
    const results2: Record<string, unknown> = {}
    for (const [name, id] of Object.entries({
      own: IDS.subst.own,
      parent: IDS.subst.parent,
      root: IDS.subst.root,
      other: IDS.subst.other,
      rejection: IDS.subst.rejectOwn
    })) {
      const r = await specific(parents, s.users.others[3 + Object.keys(results2).length] as string, {
        substantiation_id: String(id)
      })
      results2[name] = r.status === 200 ? 'ok' : r.body.reason
    }
    expect(results2).toEqual({
      own: 'ok',
      parent: 'ok',
      root: 'ok',
      other: 'invalid_substantiation',
      rejection: 'invalid_substantiation'
    })
  })
})

describe('who may see and do what', () => {
  it('keeps a lecturer to their own meetings; an administrative consumer may act on any', async () => {
    const byLecturer = await call('meetings/accept_participant', {
      participant_id: String(IDS.participant.colleague)
    })
    expect(byLecturer.status).toBe(403)
    expect(
      (await call('meetings/lecturer_meeting_dates', { meeting_id: String(IDS.meeting.colleague) })).body
    ).toEqual([])
    const admin = await call(
      'meetings/lecturer_meeting_dates',
      { meeting_id: String(IDS.meeting.colleague), fields: 'id' },
      { admin: true }
    )
    expect(admin.body).toEqual([{ id: IDS.date.colleague }])
    const asAdmin = await call(
      'meetings/accept_participant',
      { participant_id: String(IDS.participant.colleague) },
      { admin: true }
    )
    expect(asAdmin.status).toBe(200)
  })

  it('shows the meetings of a lecturer to anyone, and only staff as lecturers', async () => {
    const mine = (await call('meetings/lecturer', { fields: 'id|lecturer[id]' })).body as Array<{
      id: number
      lecturer: { id: string }
    }>
    expect(mine.map((m) => m.id)).toEqual(
      expect.arrayContaining([IDS.meeting.onlyFaculty, IDS.meeting.closed])
    )
    expect(mine.every((m) => m.lecturer.id === s.users.lecturer)).toBe(true)
    const theirs = (
      await call('meetings/lecturer', { user_id: s.users.colleague, fields: 'id' }, { as: 'student' })
    ).body
    expect(theirs).toContainEqual({ id: IDS.meeting.colleague })
    expect((await call('meetings/lecturer', {}, { as: 'student' })).body).toMatchObject({
      reason: 'not_a_staff'
    })
  })

  it('lets students see what they may attend: open meetings, and closed ones of their groups', async () => {
    const attend = async (id: number) =>
      (await call('meetings/meeting', { meeting_id: String(id), fields: 'can_i_attend' }, { as: 'student' }))
        .body.can_i_attend
    expect(await attend(IDS.meeting.onlyFaculty)).toBe(true)
    expect(await attend(IDS.meeting.forGroup)).toBe(true)
    expect(await attend(IDS.meeting.restricted)).toBe(false)
    const available = (
      (await call('meetings/available_meetings', { fields: 'id' }, { as: 'student' })).body as Array<{
        id: number
      }>
    ).map((m) => m.id)
    expect(available).toEqual(
      expect.arrayContaining([IDS.meeting.onlyFaculty, IDS.meeting.forGroup, IDS.meeting.colleague])
    )
    expect(available).not.toContain(IDS.meeting.restricted)
    expect(available).not.toContain(IDS.meeting.closed)
    expect(
      (
        await call(
          'meetings/search_meeting_dates',
          { meeting_id: String(IDS.meeting.restricted) },
          { as: 'student' }
        )
      ).body
    ).toEqual([])
    const groupDates = (
      await call(
        'meetings/search_meeting_dates',
        { meeting_id: String(IDS.meeting.forGroup), fields: 'id' },
        { as: 'student' }
      )
    ).body
    expect(groupDates).toEqual([{ id: IDS.date.forGroup }])
    expect((await call('meetings/courses_with_meetings', {}, { as: 'student' })).body).toContainEqual({
      id: IDS.unit
    })
    expect(
      (
        await call(
          'meetings/course_meetings',
          { course_id: IDS.course.member, fields: 'id|groups[course_unit_id|group_number]' },
          { as: 'student' }
        )
      ).body
    ).toEqual([{ id: IDS.meeting.forGroup, groups: [{ course_unit_id: IDS.unit, group_number: 1 }] }])
  })

  it('lists open dates of a lecturer: open, active meetings, not yet started', async () => {
    const dates = (
      await call(
        'meetings/open_meeting_dates',
        { lecturer_id: s.users.lecturer, fields: 'id|start_time' },
        { as: 'student' }
      )
    ).body as Array<{ id: number; start_time: string }>
    const ids = dates.map((d) => d.id)
    expect(ids).toEqual(expect.arrayContaining([IDS.date.open, IDS.date.ended, IDS.date.autoAccept]))
    for (const hidden of [
      IDS.date.closed,
      IDS.date.restricted,
      IDS.date.forGroup,
      IDS.date.past,
      IDS.date.started
    ])
      expect(ids).not.toContain(hidden)
    expect(dates.every((d) => d.start_time >= '2026-11-22 13:00:00')).toBe(true)
    expect(dates.map((d) => d.start_time)).toEqual([...dates.map((d) => d.start_time)].sort())
  })
})

describe('the calendar and the cart', () => {
  it('answers user_calendar for [start, start + days), today and 7 days by default, within limits', async () => {
    const calendar = async (params: Record<string, string>) =>
      (
        await call('meetings/user_calendar', {
          lecturer_id: s.users.lecturer,
          fields: 'id|start_time',
          ...params
        })
      ).body as Array<{ id: number; start_time: string }>
    const week = await calendar({})
    expect(week.length).toBeGreaterThan(0)
    expect(
      week.every((d) => d.start_time >= '2026-11-22 00:00:00' && d.start_time < '2026-11-29 00:00:00')
    ).toBe(true)
    expect(week.map((d) => d.id)).toEqual(expect.arrayContaining([IDS.date.started, IDS.date.ended]))
    const oneDay = await calendar({ start: '2026-12-01', days: '1' })
    expect(oneDay.map((d) => d.id)).toContain(IDS.date.open)
    expect(oneDay.every((d) => d.start_time.startsWith('2026-12-01'))).toBe(true)
    for (const days of ['0', '-3', '401'])
      expect(
        (await call('meetings/user_calendar', { lecturer_id: s.users.lecturer, days })).body
      ).toMatchObject({ error: 'param_invalid', param_name: 'days' })
  })

  it('keeps the student’s current registrations in the cart, not rejected or past ones', async () => {
    const cart = (await call('meetings/cart', { fields: 'id|status|meeting_date[id]' }, { as: 'student' }))
      .body as Array<{ id: number; status: string; meeting_date: { id: number } }>
    const dates = cart.map((c) => c.meeting_date.id)
    expect(dates).toEqual(expect.arrayContaining([IDS.date.forGroup, IDS.date.started]))
    expect(cart.every((c) => c.status !== 'rejected')).toBe(true)
    expect(dates).not.toContain(IDS.date.past)
    // The lecturer's cart holds only their own registrations (as a doctoral student), none of the student's.
    const lecturerCart = (await call('meetings/cart', { fields: 'id|user[id]|status' }, { as: 'lecturer' }))
      .body as Array<{ id: number; user: { id: string }; status: string }>
    expect(lecturerCart.length).toBeGreaterThan(0)
    expect(lecturerCart.every((c) => c.user.id === s.users.lecturer && c.status !== 'rejected')).toBe(true)
    expect(lecturerCart.map((c) => c.id)).not.toEqual(
      expect.arrayContaining(cart.map((c) => c.id).slice(0, 1))
    )
  })

  it('answers multi-id methods keyed by the ids sent, null for unknown and malformed ids', async () => {
    const r = await call('meetings/meetings', {
      meeting_ids: `${IDS.meeting.onlyFaculty}|424242|abc`,
      fields: 'id|faculty[id]|term[id]'
    })
    expect(r.body).toEqual({
      [IDS.meeting.onlyFaculty]: {
        id: IDS.meeting.onlyFaculty,
        faculty: { id: 'WMIM-II' },
        term: { id: TERM }
      },
      '424242': null,
      abc: null
    })
    const p = await call('meetings/participants', {
      participant_ids: `${IDS.participant.full}|1234567`,
      fields: 'id|user[id]|meeting_date[id|meeting[id]]'
    })
    expect(p.body).toEqual({
      [IDS.participant.full]: {
        id: IDS.participant.full,
        user: { id: s.users.others[5] },
        meeting_date: { id: IDS.date.full, meeting: { id: IDS.meeting.onlyFaculty } }
      },
      '1234567': null
    })
    expect((await call('meetings/meeting_date', { meeting_date_id: '424242' })).body).toMatchObject({
      error: 'object_not_found',
      param_name: 'meeting_date_id'
    })
  })
})

describe('notes per faculty, term and student', () => {
  it('keeps private notes to their author and public ones for every staff member', async () => {
    const student = s.users.others[0] as string // on the queue date, P.accepted
    const key = { fac_id: 'WMIM-II', term_id: TERM, user_id: student }
    await call('meetings/put_note', { ...key, note_type: 'private', content: 'Słaba frekwencja.' })
    await call('meetings/put_note', { ...key, note_type: 'public', content: 'Projekt zaliczony.' })
    await call('meetings/put_note', { ...key, note_type: 'public', content: 'Projekt zaliczony na 5.' })
    const pub = await call('meetings/get_note', {
      ...key,
      note_type: 'public',
      fields: 'id|content|creation_date'
    })
    expect(pub.body).toMatchObject({
      content: 'Projekt zaliczony na 5.',
      creation_date: '2026-11-22 13:00:00'
    })
    const noteId = pub.body.id as number
    expect(
      (
        await call('meetings/note', {
          id: String(noteId),
          fields: 'private_note|public_note|user[id]|faculty[id]|term[id]'
        })
      ).body
    ).toEqual({
      private_note: 'Słaba frekwencja.',
      public_note: 'Projekt zaliczony na 5.',
      user: { id: student },
      faculty: { id: 'WMIM-II' },
      term: { id: TERM }
    })
    // Another staff member: the note method only answers the caller's own notes.
    expect(
      (await call('meetings/note', { id: String(noteId) }, { as: 'template_admin' })).body
    ).toMatchObject({ error: 'object_not_found' })
    expect(
      (await call('meetings/get_note', { ...key, note_type: 'private' }, { as: 'template_admin' })).body
    ).toMatchObject({ error: 'object_not_found' })

    // Through the participant: public notes for everyone, private ones for the meeting's lecturer only.
    const notes = async (as: 'lecturer' | 'template_admin') =>
      (
        await call(
          'meetings/participant',
          {
            participant_id: String(IDS.participant.accepted),
            fields: 'public_notes[public_note]|private_notes[private_note]'
          },
          { as }
        )
      ).body
    expect(await notes('lecturer')).toEqual({
      public_notes: [{ public_note: 'Projekt zaliczony na 5.' }],
      private_notes: [{ private_note: 'Słaba frekwencja.' }]
    })
    expect(await notes('template_admin')).toEqual({
      public_notes: [{ public_note: 'Projekt zaliczony na 5.' }],
      private_notes: []
    })

    expect(
      (await call('meetings/delete_note', { note_id: String(noteId), note_type: 'public' })).status
    ).toBe(200)
    expect((await call('meetings/get_note', { ...key, note_type: 'public' })).body).toMatchObject({
      error: 'object_not_found'
    })
    expect(
      (await call('meetings/get_note', { ...key, note_type: 'private', fields: 'content' })).body
    ).toEqual({ content: 'Słaba frekwencja.' })
    expect(
      (
        await call(
          'meetings/delete_note',
          { note_id: String(noteId), note_type: 'private' },
          { as: 'template_admin' }
        )
      ).body
    ).toMatchObject({ error: 'object_not_found' })
    expect(
      (await call('meetings/put_note', { ...key, fac_id: 'NOPE', note_type: 'public', content: 'x' })).body
    ).toMatchObject({ error: 'object_not_found', param_name: 'fac_id' })
  })
})

describe('generate_meeting_dates', () => {
  it('skips holidays and the faculty’s free days only with use_calendar, and checks fac_id', async () => {
    const base = {
      start_date: '2026-11-09',
      end_date: '2026-11-16',
      number: '10',
      frequency: 'week_days',
      fac_id: 'WMIM'
    }
    expect((await call('meetings/generate_meeting_dates', base)).body).toEqual([
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16'
    ])
    expect((await call('meetings/generate_meeting_dates', { ...base, use_calendar: 'true' })).body).toEqual([
      '2026-11-09',
      '2026-11-10',
      '2026-11-12',
      '2026-11-16'
    ])
    // Another faculty has no dean's day on the 13th.
    expect(
      (await call('meetings/generate_meeting_dates', { ...base, use_calendar: 'true', fac_id: 'WF' })).body
    ).toContain('2026-11-13')
    expect((await call('meetings/generate_meeting_dates', { ...base, fac_id: 'NOPE' })).body).toMatchObject({
      error: 'object_not_found',
      param_name: 'fac_id'
    })
    for (const [param, value] of [
      ['number', '0'],
      ['week_day', '8'],
      ['start_date', '2026-13-01']
    ] as const)
      expect(
        (await call('meetings/generate_meeting_dates', { ...base, frequency: 'weekly', [param]: value })).body
      ).toMatchObject({ error: 'param_invalid', param_name: param })
    const odd = (
      await call('meetings/generate_meeting_dates', {
        start_date: '2026-11-02',
        end_date: '2026-12-31',
        number: '3',
        frequency: 'biweekly_odd',
        week_day: '3'
      })
    ).body
    const even = (
      await call('meetings/generate_meeting_dates', {
        start_date: '2026-11-02',
        end_date: '2026-12-31',
        number: '3',
        frequency: 'biweekly_odd',
        week_day: '3',
        start_even: 'true'
      })
    ).body
    expect(odd).toEqual(['2026-11-04', '2026-11-18', '2026-12-02'])
    expect(even).toEqual(['2026-11-11', '2026-11-25', '2026-12-09'])
  })
})

describe('state on disk', () => {
  it('keeps changes across a restart on the same data folder, seeded once', async () => {
    expect((await specific(IDS.date.notBegun, s.users.others[7] as string)).status).toBe(200)
    const before = await participantsOf(s, IDS.date.notBegun)
    await s.inst.close()
    const again = await startTestInstallation({ dataDir: s.dataDir, referenceDate: '2030-01-01', seed: 99 })
    try {
      const r = await again.call('meetings/meeting_date_participants', {
        meeting_date_id: String(IDS.date.notBegun),
        fields: 'id|status|is_reserve|number_in_queue|user[id]|is_external|external_first_name|external_email'
      })
      expect(r.body).toEqual(before)
      // Not re-seeded for the new options: no term around 2030 appeared.
      expect((await again.call('terms/term', { term_id: TERM, fields: 'id' }, { as: null })).body).toEqual({
        id: TERM
      })
      expect((await again.call('terms/term', { term_id: '2029/30-Z' }, { as: null })).body).toMatchObject({
        error: 'object_not_found'
      })
    } finally {
      await again.close()
      s.inst = await startTestInstallation({ dataDir: s.dataDir })
      s.inst.server.setNow(NOW)
    }
  })

  it('seeds the same office hours from the same seed and reference date, other ones from another seed', async () => {
    const calendar = async (seed: number) => {
      const t = await startTestInstallation({ seed, referenceDate: '2026-11-22' })
      try {
        const r = await t.call('meetings/user_calendar', {
          lecturer_id: t.server.demoUserIds.lecturer,
          start: '2026-10-01',
          days: '200',
          fields:
            'id|start_time|end_time|seats_limit|reserve_seats_limit|room[id]|meeting[id|name|open|auto_accept]|registered_participants_count'
        })
        const dates = r.body as Array<{ id: number }>
        const people = await t.call('meetings/meeting_date_participants', {
          meeting_date_id: String(dates[0]!.id),
          fields:
            'id|status|is_reserve|number_in_queue|user[id|first_name|last_name]|substantiation[id]|substantiation_message'
        })
        return JSON.stringify([r.body, people.body])
      } finally {
        await t.close()
      }
    }
    const a = await calendar(11)
    expect(a.length).toBeGreaterThan(1000)
    expect(await calendar(11)).toBe(a)
    expect(await calendar(12)).not.toBe(a)
  })
})

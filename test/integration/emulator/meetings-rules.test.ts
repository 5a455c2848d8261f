import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation({ referenceDate: '2026-11-22' })
  inst.server.setNow(new Date('2026-11-22T12:00:00Z'))
})
afterAll(() => inst.close())

type Date_ = {
  id: number
  start_time: string
  seats_limit: number
  reserve_seats_limit: number
  meeting: { id: number; faculty: { id: string } }
}

async function lecturerDates(): Promise<Date_[]> {
  const r = await inst.call('meetings/user_calendar', {
    lecturer_id: inst.server.demoUserIds.lecturer,
    start: '2026-10-01',
    days: '200',
    fields: 'id|start_time|seats_limit|reserve_seats_limit|meeting[id|faculty[id]]'
  })
  return r.body as Date_[]
}
const participants = async (dateId: number) =>
  (
    await inst.call('meetings/meeting_date_participants', {
      meeting_date_id: String(dateId),
      fields: 'id|status|is_reserve|number_in_queue|user[id]|external_email'
    })
  ).body as Array<{
    id: number
    status: string
    is_reserve: boolean
    number_in_queue: number | null
    user: { id: string } | null
  }>

describe('meetings business rules', () => {
  it('keeps queue numbers 1..n on each list and moves the reserve up when someone is rejected', async () => {
    const dates = await lecturerDates()
    for (const d of dates.slice(0, 20)) {
      const list = await participants(d.id)
      const main = list.filter((p) => p.status !== 'rejected' && !p.is_reserve).map((p) => p.number_in_queue)
      const reserve = list
        .filter((p) => p.status !== 'rejected' && p.is_reserve)
        .map((p) => p.number_in_queue)
      expect(main).toEqual(main.map((_, i) => i + 1))
      expect(reserve).toEqual(reserve.map((_, i) => i + 1))
      expect(main.length).toBeLessThanOrEqual(d.seats_limit)
    }
    const withReserve = (
      await Promise.all(dates.map(async (d) => ({ d, list: await participants(d.id) })))
    ).find(
      ({ list }) =>
        list.some((p) => p.is_reserve && p.status !== 'rejected') &&
        list.some((p) => !p.is_reserve && p.status !== 'rejected')
    )
    expect(withReserve).toBeDefined()
    const firstMain = withReserve!.list.find((p) => !p.is_reserve && p.status !== 'rejected')!
    const firstReserve = withReserve!.list.find((p) => p.is_reserve && p.number_in_queue === 1)!
    expect(
      (await inst.call('meetings/reject_participant', { participant_id: String(firstMain.id) })).status
    ).toBe(200)
    const after = await participants(withReserve!.d.id)
    expect(after.find((p) => p.id === firstReserve.id)).toMatchObject({ is_reserve: false })
    const again = await inst.call('meetings/reject_participant', { participant_id: String(firstMain.id) })
    expect(again.body).toMatchObject({
      error: 'meeting_subscription_exception',
      reason: 'user_already_rejected'
    })
    const accepted = after.find((p) => p.status === 'accepted')!
    expect(
      (await inst.call('meetings/accept_participant', { participant_id: String(accepted.id) })).body
    ).toMatchObject({
      reason: 'user_already_accepted'
    })
  })

  it('refuses a rejection substantiation of another kind or faculty', async () => {
    const [d] = await lecturerDates()
    const list = await participants(d!.id)
    const meetingSubst = (
      await inst.call('meetings/get_meeting_substantiations', { fac_id: d!.meeting.faculty.id }, { as: null })
    ).body as Array<{ id: number }>
    const target = list.find((p) => p.status !== 'rejected')!
    const r = await inst.call('meetings/reject_participant', {
      participant_id: String(target.id),
      substantiation_id: String(meetingSubst[0]!.id)
    })
    expect(r.body).toMatchObject({
      error: 'meeting_subscription_exception',
      reason: 'invalid_substantiation'
    })
  })

  it('lets only staff read participants, and only the lecturer act on them', async () => {
    const [d] = await lecturerDates()
    const asStudent = await inst.call(
      'meetings/meeting_date_participants',
      { meeting_date_id: String(d!.id) },
      { as: 'student' }
    )
    expect(asStudent.status).toBe(403)
    expect(asStudent.body).toMatchObject({ error: 'method_forbidden', reason: 'staff_only' })
    const notStaff = await inst.call('meetings/lecturer', { user_id: inst.server.demoUserIds.student })
    expect(notStaff.body).toMatchObject({ error: 'object_invalid', reason: 'not_a_staff' })
    const list = await participants(d!.id)
    const byColleague = await inst.call(
      'meetings/accept_participant',
      { participant_id: String(list[0]!.id) },
      { as: 'template_admin' }
    )
    expect(byColleague.status).toBe(403)
  })

  it('signs a student up within the window, onto the reserve when the main list is full, and refuses after the start', async () => {
    const available = (
      await inst.call('meetings/available_meetings', { fields: 'id|faculty[id]' }, { as: 'student' })
    ).body as Array<{ id: number; faculty: { id: string } }>
    expect(available.length).toBeGreaterThan(0)
    const now = '2026-11-22 13:00:00'
    let done = false
    for (const m of available) {
      const dates = (
        await inst.call(
          'meetings/search_meeting_dates',
          {
            meeting_id: String(m.id),
            fields: 'id|start_time|registration_start_time|registration_end_time|can_i_sign_up'
          },
          { as: 'student' }
        )
      ).body as Array<{
        id: number
        start_time: string
        registration_start_time: string
        registration_end_time: string
        can_i_sign_up: boolean
      }>
      const open = dates.find(
        (d) => d.can_i_sign_up && d.registration_start_time <= now && d.registration_end_time >= now
      )
      if (!open) continue
      const subst = (
        await inst.call('meetings/get_meeting_substantiations', { fac_id: m.faculty.id }, { as: 'student' })
      ).body as Array<{ id: number }>
      const r = await inst.call(
        'meetings/sign_up',
        { meeting_date_id: String(open.id), substantiation_id: String(subst[0]!.id) },
        { as: 'student' }
      )
      if (r.status !== 200) continue
      const twice = await inst.call(
        'meetings/sign_up',
        { meeting_date_id: String(open.id), substantiation_id: String(subst[0]!.id) },
        { as: 'student' }
      )
      expect(twice.body).toMatchObject({ reason: 'user_already_subscribed' })
      const cart = (await inst.call('meetings/cart', { fields: 'id|meeting_date[id]' }, { as: 'student' }))
        .body as Array<{ meeting_date: { id: number } }>
      expect(cart.some((c) => c.meeting_date.id === open.id)).toBe(true)
      expect(
        (await inst.call('meetings/sign_off', { meeting_date_id: String(open.id) }, { as: 'student' })).status
      ).toBe(200)
      expect(
        (await inst.call('meetings/sign_off', { meeting_date_id: String(open.id) }, { as: 'student' })).body
      ).toMatchObject({
        reason: 'user_not_registered'
      })
      done = true
      break
    }
    expect(done).toBe(true)
  })

  it('keeps notes per faculty, term and student: private for the author, public for all', async () => {
    const [d] = await lecturerDates()
    const list = await participants(d!.id)
    const student = list.find((p) => p.user)!.user!.id
    const term = (
      (await inst.call('meetings/meeting', { meeting_id: String(d!.meeting.id), fields: 'term[id]' }))
        .body as { term: { id: string } }
    ).term.id
    const key = { fac_id: d!.meeting.faculty.id, term_id: term, user_id: student }
    expect(
      (
        await inst.call('meetings/put_note', {
          ...key,
          note_type: 'private',
          content: 'Dobry projekt; poprawić testy.'
        })
      ).status
    ).toBe(200)
    expect((await inst.call('meetings/get_note', { ...key, note_type: 'private' })).body).toMatchObject({
      content: 'Dobry projekt; poprawić testy.'
    })
    const asStudent = await inst.call(
      'meetings/get_note',
      { ...key, note_type: 'private' },
      { as: 'student' }
    )
    expect(asStudent.body).toMatchObject({ error: 'method_forbidden', reason: 'staff_only' })
    const missing = await inst.call('meetings/get_note', { ...key, note_type: 'public' })
    expect(missing.body).toMatchObject({ error: 'object_not_found' })
  })

  it('generates meeting dates with the same rules as the app', async () => {
    const r = await inst.call('meetings/generate_meeting_dates', {
      start_date: '2026-11-09',
      end_date: '2026-11-16',
      number: '10',
      frequency: 'week_days',
      use_calendar: 'true',
      fac_id: 'WMIM'
    })
    // Nov 11 is a public holiday; Nov 13 is a dean's day at WMIM.
    expect(r.body).toEqual(['2026-11-09', '2026-11-10', '2026-11-12', '2026-11-16'])
    const bad = await inst.call('meetings/generate_meeting_dates', {
      start_date: '2026-11-09',
      end_date: '2026-11-01',
      number: '1',
      frequency: 'daily'
    })
    expect(bad.body).toMatchObject({ error: 'param_invalid', param_name: 'end_date' })
  })
})

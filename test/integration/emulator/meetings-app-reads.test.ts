/**
 * What the app reads from the meetings module, at large scale over HTTP: the shapes it parses
 * (a half-year user_calendar with counts; its speed is measured by `npm run bench`, never asserted
 * here), and the seeded data each demo role sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
let lecturer: string
const REFERENCE = '2026-11-22'

beforeAll(async () => {
  inst = await startTestInstallation({ scale: 'large', referenceDate: REFERENCE, dataDir: null })
  inst.server.setNow(new Date('2026-11-22T09:00:00Z'))
  lecturer = inst.server.demoUserIds.lecturer
}, 60_000)
afterAll(() => inst.close())

const CALENDAR_FIELDS =
  'id|start_time|end_time|comment|seats_limit|reserve_seats_limit|meeting[id]|room|registered_participants_count|accepted_participants_count|waiting_participants_count'
const PARTICIPANT_FIELDS =
  'id|status|is_reserve|number_in_queue|is_external|external_first_name|external_last_name|external_email|external_contact|substantiation_message|user[id|first_name|last_name|student_number|titles]|substantiation[id|name|message|type]|rejection_substantiation[id|name|message|type]|lecturer_actions|user_actions'

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await f()
  return { ms: performance.now() - started, value }
}

describe('the app’s reads at large scale', () => {
  it('answers a half-year user_calendar with counts, every date with the fields asked for', async () => {
    const params = { lecturer_id: lecturer, start: '2026-10-01', days: '182', fields: CALENDAR_FIELDS }
    await inst.call('meetings/user_calendar', params) // warm the prepared statements
    const runs = [] as number[]
    let body: unknown = null
    for (let i = 0; i < 3; i++) {
      const r = await timed(() => inst.call('meetings/user_calendar', params))
      expect(r.value.status).toBe(200)
      runs.push(r.ms)
      body = r.value.body
    }
    const dates = body as Array<Record<string, unknown>>
    expect(dates.length).toBeGreaterThan(500)
    console.info(`user_calendar, ${dates.length} dates: ${runs.map((r) => r.toFixed(1)).join(', ')} ms`)
    for (const d of dates.slice(0, 50)) {
      expect(Object.keys(d).sort()).toEqual(
        CALENDAR_FIELDS.replace('meeting[id]', 'meeting').split('|').sort()
      )
      expect(d.start_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
      expect(d.registered_participants_count).toBe(
        (d.accepted_participants_count as number) + (d.waiting_participants_count as number)
      )
      expect(d.accepted_participants_count as number).toBeLessThanOrEqual(d.seats_limit as number)
      expect(d.waiting_participants_count as number).toBeLessThanOrEqual(d.reserve_seats_limit as number)
    }
    // Sorted by start time and inside [start, start + 182 days).
    const starts = dates.map((d) => d.start_time as string)
    expect([...starts].sort()).toEqual(starts)
    expect(starts[0]! >= '2026-10-01 00:00:00').toBe(true)
    expect(starts.at(-1)! < '2027-04-01 00:00:00').toBe(true)
  })

  it('lists the lecturer’s meetings with faculty, term and lecturer', async () => {
    const r = await inst.call('meetings/lecturer', {
      user_id: lecturer,
      fields: 'id|name|open|faculty[id|name]|term[id|name|start_date|end_date]|lecturer[id]'
    })
    expect(r.status).toBe(200)
    const meetings = r.body as Array<{
      faculty: { id: string }
      term: { id: string }
      lecturer: { id: string }
    }>
    expect(meetings.length).toBeGreaterThanOrEqual(40)
    expect(meetings.every((m) => m.lecturer.id === lecturer && m.term !== null && m.faculty.id)).toBe(true)
  })

  it('answers the participants of a full date, on both lists and in order', async () => {
    const today = (
      await inst.call('meetings/user_calendar', {
        lecturer_id: lecturer,
        start: '2026-11-02',
        days: '14',
        fields: 'id|waiting_participants_count'
      })
    ).body as Array<{ id: number; waiting_participants_count: number }>
    const withReserve = today.find((d) => d.waiting_participants_count > 0) ?? today[0]!
    const params = { meeting_date_id: String(withReserve.id), fields: PARTICIPANT_FIELDS }
    await inst.call('meetings/meeting_date_participants', params)
    const r = await timed(() => inst.call('meetings/meeting_date_participants', params))
    // How long it took is printed, and measured by `npm run bench`: never asserted in a test.
    const people = r.value.body as Array<{
      status: string
      is_reserve: boolean
      number_in_queue: number | null
      is_external: boolean
      user: { id: string; titles: unknown } | null
      substantiation: { type: string } | null
      lecturer_actions: unknown
    }>
    expect(people.length).toBeGreaterThan(0)
    const main = people.filter((p) => p.status !== 'rejected' && !p.is_reserve).map((p) => p.number_in_queue)
    const reserve = people
      .filter((p) => p.status !== 'rejected' && p.is_reserve)
      .map((p) => p.number_in_queue)
    expect(main).toEqual(main.map((_, i) => i + 1))
    expect(reserve).toEqual(reserve.map((_, i) => i + 1))
    for (const p of people) {
      expect(p.user === null).toBe(p.is_external)
      if (p.substantiation) expect(p.substantiation.type).toBe('meeting')
      expect(Array.isArray(p.lecturer_actions)).toBe(true)
    }
  })
})

describe('the seeded data each role sees', () => {
  it('gives the student upcoming registrations and meetings to attend', async () => {
    const cart = (await inst.call('meetings/cart', { fields: 'id|status|user[id]' }, { as: 'student' }))
      .body as Array<{ user: { id: string } }>
    expect(cart.length).toBeGreaterThan(0)
    const available = (await inst.call('meetings/available_meetings', {}, { as: 'student' }))
      .body as unknown[]
    expect(available.length).toBeGreaterThan(0)
  })

  it('gives the lecturer notes about their visitors, and colleagues open dates', async () => {
    const people = (
      await inst.call('meetings/user_calendar', {
        lecturer_id: lecturer,
        start: '2026-10-15',
        days: '30',
        fields: 'id'
      })
    ).body as Array<{ id: number }>
    let noted = 0
    for (const d of people.slice(0, 10)) {
      const ps = (
        await inst.call('meetings/meeting_date_participants', {
          meeting_date_id: String(d.id),
          fields: 'id|private_notes|public_notes'
        })
      ).body as Array<{ private_notes: unknown[]; public_notes: unknown[] }>
      noted += ps.filter((p) => p.private_notes.length + p.public_notes.length > 0).length
    }
    expect(noted).toBeGreaterThan(0)
    // Some meetings are colleagues': their open dates are there for open_meeting_dates.
    const all = (
      await inst.call('meetings/meetings', {
        meeting_ids: Array.from({ length: 60 }, (_, k) => k + 1).join('|'),
        fields: 'id|lecturer[id]'
      })
    ).body as Record<string, { lecturer: { id: string } } | null>
    const colleague = Object.values(all).find((m) => m !== null && m.lecturer.id !== lecturer)!
    expect(colleague).toBeDefined()
    const open = await inst.call('meetings/open_meeting_dates', { lecturer_id: colleague.lecturer.id })
    expect(open.status).toBe(200)
    expect(Array.isArray(open.body)).toBe(true)
  })
})

/**
 * The attendee side and colleagues' dates against the demo installation through a proxy that can
 * take the network away: a student signs up with a substantiation and signs off; a sign-up made
 * offline is sent exactly once later; the screens show the last copy offline.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { usosClientFactory } from '../../../src/core/usos'
import { createApiHandlers } from '../../../src/main/ipc'
import type { ApiHandlers } from '../../../src/shared/api'
import { startDemoServer, type DemoServer } from '../../../src/emulator'
import { signInThrough, startFaultyProxy, type FaultyProxy } from '../../helpers/faulty-proxy'

let offline = false
let upstream: DemoServer
let proxy: FaultyProxy
const open: Array<AppContext> = []

async function signedIn(role: 'student' | 'lecturer'): Promise<ApiHandlers> {
  const ctx = createAppContext({
    dataDir: mkdtempSync(join(tmpdir(), `attendee-${role}-`)),
    shell: 'web',
    version: '0',
    clientFactory: usosClientFactory
  })
  open.push(ctx)
  const api = createApiHandlers(ctx)
  await signInThrough(api, upstream, proxy.url, role)
  return api
}

beforeAll(async () => {
  upstream = await startDemoServer({ scale: 'small', seed: 8 })
  proxy = await startFaultyProxy(upstream.baseUrl, () => (offline ? 'drop' : 'ok'))
}, 60_000)
afterAll(async () => {
  for (const ctx of open) ctx.close()
  await proxy.close()
  await upstream.close()
})

/** An open date the student may sign up for, with a substantiation to give. */
async function signableDate(api: ApiHandlers) {
  const overview = await api.attendeeOverview({})
  for (const m of overview.value.available) {
    const view = await api.attendeeMeeting({ meetingId: m.id })
    const date = view.value.dates.find((d) => d.canSignUp === true)
    if (date && view.value.substantiations.length) return { meeting: view.value, date }
  }
  throw new Error('no date open for sign-up in the demo data')
}

describe('the attendee side', () => {
  it('signs up with a substantiation, sees it in the cart, then signs off', async () => {
    const api = await signedIn('student')
    const { meeting, date } = await signableDate(api)
    const r = await api.signUpForDate({
      meetingDateId: date.id,
      substantiationId: meeting.substantiations[0]!.id,
      message: 'Chciałbym omówić projekt.'
    })
    expect(r.outcome).toBe('done')
    const cart = (await api.attendeeOverview({})).value.cart
    expect(cart.map((e) => e.dateId)).toContain(date.id)
    // Signing up again: USOS says "already subscribed", which counts as done.
    const again = await api.signUpForDate({
      meetingDateId: date.id,
      substantiationId: meeting.substantiations[0]!.id
    })
    expect(again.outcome).toBe('done')
    expect(
      (await api.attendeeMeeting({ meetingId: meeting.meeting.id })).value.dates.find((d) => d.id === date.id)
        ?.myStatus
    ).toBeTruthy()
    const off = await api.signOffFromDate({ meetingDateId: date.id })
    expect(off.outcome).toBe('done')
    expect((await api.attendeeOverview({})).value.cart.map((e) => e.dateId)).not.toContain(date.id)
  })

  it('keeps a sign-up made offline and sends it once when USOS answers again', async () => {
    const api = await signedIn('student')
    const { meeting, date } = await signableDate(api)
    offline = true
    try {
      const r = await api.signUpForDate({
        meetingDateId: date.id,
        substantiationId: meeting.substantiations[0]!.id
      })
      expect(r.outcome).toBe('queued')
      // Offline the screens show the copy read before.
      const kept = await api.attendeeOverview({})
      expect(kept.live).toBe(false)
      expect(kept.value.available.length).toBeGreaterThan(0)
    } finally {
      offline = false
    }
    const summary = await api.sync({})
    expect(summary.outbox.done).toBe(1)
    const cart = (await api.attendeeOverview({})).value.cart
    expect(cart.filter((e) => e.dateId === date.id)).toHaveLength(1)
    await api.signOffFromDate({ meetingDateId: date.id })
  }, 30_000)

  it('shows USOS’s reason when a sign-up is refused', async () => {
    const api = await signedIn('student')
    const { date } = await signableDate(api)
    const r = await api.signUpForDate({ meetingDateId: date.id, substantiationId: '999999' })
    expect(r.outcome).toBe('needs_attention')
    expect(r.message).toMatch(/substantiation/i)
  })
})

describe('courses with meetings', () => {
  it('lists each course’s meetings as USOS does, opens one, and refuses a course the user is not in', async () => {
    const api = await signedIn('student')
    const { courses } = (await api.attendeeOverview({})).value
    expect(courses.length).toBeGreaterThan(0)
    let meetings = 0
    for (const c of courses) {
      const list = await api.attendeeCourseMeetings({ courseId: c.courseId! })
      expect(list.live).toBe(true)
      meetings += list.value.length
      for (const m of list.value) {
        const view = await api.attendeeMeeting({ meetingId: m.id })
        expect(view.value.meeting.id).toBe(m.id)
      }
    }
    expect(meetings).toBeGreaterThan(0)
    await expect(api.attendeeCourseMeetings({ courseId: 'NO-SUCH-COURSE' })).rejects.toMatchObject({
      code: 'usos_error'
    })
    // Offline, the copy read before.
    const first = courses[0]!.courseId!
    const before = await api.attendeeCourseMeetings({ courseId: first })
    offline = true
    try {
      const kept = await api.attendeeCourseMeetings({ courseId: first })
      expect(kept.live).toBe(false)
      expect(kept.value).toEqual(before.value)
    } finally {
      offline = false
    }
  }, 60_000)
})

describe('colleagues', () => {
  it('shows another lecturer’s open dates, and the last copy offline', async () => {
    const api = await signedIn('lecturer')
    const lecturers = await api.colleagueLecturers({})
    expect(lecturers.length).toBeGreaterThan(0)
    let found = null as null | Awaited<ReturnType<ApiHandlers['colleagueDates']>>
    for (const l of lecturers) {
      const r = await api.colleagueDates({ lecturerId: l.id })
      if (r.value.dates.length) {
        found = r
        break
      }
    }
    expect(found).not.toBeNull()
    expect(found!.live).toBe(true)
    const starts = found!.value.dates.map((d) => d.start)
    expect(starts).toEqual([...starts].sort())
    offline = true
    try {
      const kept = await api.colleagueDates({ lecturerId: found!.value.lecturer.id })
      expect(kept).toMatchObject({ live: false, value: found!.value })
      await expect(api.colleagueDates({ lecturerId: '100003' })).rejects.toMatchObject({ code: 'offline' })
    } finally {
      offline = false
    }
  }, 30_000)
})

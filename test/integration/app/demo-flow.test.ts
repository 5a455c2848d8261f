import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import { callApi } from '../../../src/main/ipc'
import type { ApiHandlers } from '../../../src/shared/api'
import { openDemoApp } from '../../helpers/demo-app'
import { testToday } from '../../helpers/clock'

let ctx: AppContext
let api: ApiHandlers
beforeAll(() => {
  ;({ ctx, api } = openDemoApp())
})
afterAll(async () => {
  await ctx.demo?.stop()
  ctx.close()
})

describe('the app on the demo installation, through its API handlers', () => {
  it('signs in to the demo in one call and fills the calendar with a sync', async () => {
    const account = await api.startDemo({})
    expect(account).toMatchObject({ isDemo: true, firstName: 'Zofia', lastName: 'Żółkiewska', active: true })
    const first = await api.sync({})
    expect(first.meetings).toBeGreaterThan(0)
    expect(first.meeting_dates).toBeGreaterThan(0)
    expect(first.participant_lists_read).toBe(first.meeting_dates)
    const again = await api.sync({})
    expect(again.requests).toBe(2)
    const items = await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })
    expect(items.filter((i) => i.kind === 'meeting_date')).toHaveLength(first.meeting_dates)
    // The exam groups the lecturer examines share the calendar.
    expect(first.exam_groups).toBeGreaterThan(0)
    expect(items.filter((i) => i.kind === 'exam_group')).toHaveLength(first.exam_groups)
    const sorted = items.map((i) => i.start)
    expect(sorted).toEqual([...sorted].sort())
  })

  it('accepts a waiting participant in USOS and shows it after the next sync', async () => {
    const items = (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
      (i) => i.kind === 'meeting_date'
    )
    let target: { dateId: string; participantId: string } | null = null
    for (const item of items) {
      const details = await api.getMeetingDate({ meetingDateId: item!.id })
      const waiting = [...details.main, ...details.reserve].find(
        (p) => p.status === 'waiting' && !p.isReserve
      )
      if (waiting) {
        target = { dateId: item.id, participantId: waiting.id }
        break
      }
    }
    expect(target).not.toBeNull()
    const [result] = await api.acceptParticipants({ participantIds: [target!.participantId] })
    expect(result).toMatchObject({ outcome: 'done' })
    // Accepting again: USOS says "already accepted", which counts as done.
    const [again] = await api.acceptParticipants({ participantIds: [target!.participantId] })
    expect(again).toMatchObject({ outcome: 'done' })
    await api.sync({ full: true })
    const details = await api.getMeetingDate({ meetingDateId: target!.dateId })
    expect([...details.main, ...details.reserve].find((p) => p.id === target!.participantId)?.status).toBe(
      'accepted'
    )
  })

  it('rejects with a substantiation and signs up an outside person', async () => {
    const items = (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
      (i) => i.kind === 'meeting_date'
    )
    // A date still to come with a free seat on the main list, in a meeting that takes
    // substantiations: chosen by what the test needs, whatever day it runs.
    const today = testToday()
    const item = items.find(
      (i) => i.start.slice(0, 10) > today && i.seatsLimit !== null && (i.acceptedCount ?? 0) < i.seatsLimit
    )
    expect(item, 'the demo has an upcoming date with a free seat').toBeDefined()
    const details = await api.getMeetingDate({ meetingDateId: item!.id })
    // The substantiations this meeting accepts: its own faculty's only, or also its parents'.
    const reasons = await api.getRejectionSubstantiations({
      facultyId: details.meeting.facultyId!,
      withParents: details.meeting.substantiationMode !== 'this_faculty_only'
    })
    expect(reasons.length).toBeGreaterThan(0)
    const signUp = await api.signUpOutsidePerson({
      meetingDateId: item!.id,
      firstName: 'Olga',
      lastName: 'Tokarczuk',
      email: 'olga@example.com'
    })
    expect(signUp, signUp.message ?? '').toMatchObject({ outcome: 'done' })
    await api.sync({ full: true })
    const after = await api.getMeetingDate({ meetingDateId: item!.id })
    const olga = [...after.main, ...after.reserve].find((p) => p.lastName === 'Tokarczuk')
    expect(olga).toMatchObject({ isExternal: true, email: 'olga@example.com', pending: false })
    const [rejected] = await api.rejectParticipants({
      participantIds: [olga!.id],
      substantiationId: reasons[0]!.id,
      message: 'Proszę przyjść w czwartek.'
    })
    expect(rejected?.outcome).toBe('done')
    await api.sync({ full: true })
    const final = await api.getMeetingDate({ meetingDateId: item!.id })
    expect(final.rejected.find((p) => p.id === olga!.id)?.rejectionMessage).toBe('Proszę przyjść w czwartek.')
  })

  it('shows USOS’s reason when it refuses a write, and parks it for attention', async () => {
    const items = (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
      (i) => i.kind === 'meeting_date'
    )
    // An upcoming date with limits on both lists (a date without a limit never fills).
    const date = items.find(
      (i) => i.start.slice(0, 10) > testToday() && i.seatsLimit !== null && i.reserveSeatsLimit !== null
    )!
    expect(date, 'the demo has an upcoming date with limited seats').toBeDefined()
    // Fill both lists, one outside person after another, until USOS says no.
    let r = await api.signUpOutsidePerson({ meetingDateId: date.id, firstName: 'Anna', lastName: 'Pełna 0' })
    for (let n = 1; r.outcome === 'done' && n < 50; n++) {
      r = await api.signUpOutsidePerson({ meetingDateId: date.id, firstName: 'Anna', lastName: `Pełna ${n}` })
    }
    expect(r.outcome).toBe('needs_attention')
    expect(r.message).toMatch(/no seats/i)
    const outbox = await api.listOutbox({})
    const parked = outbox.find((o) => o.opId === r.opId)
    expect(parked).toMatchObject({ state: 'needs_attention', kind: 'sign_up_non_usos_person' })
    expect(parked?.subject).toMatch(/^Anna Pełna \d+$/)
    // Both sides of the conflict: what the user wanted, and USOS's full lists as it has them now.
    const remote = parked!.remote as { registered: number; seats_limit: number; reserve_seats_limit: number }
    expect(remote.registered).toBe(remote.seats_limit + remote.reserve_seats_limit)
    await api.discardOutbox({ opId: r.opId })
    expect((await api.listOutbox({})).find((o) => o.opId === r.opId)).toBeUndefined()
  })

  it('refuses bad input at the boundary with a clear message', async () => {
    const r = await callApi(api, 'calendarRange', { from: '2026-13-01', to: 'x' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    const missing = await callApi(api, 'getMeetingDate', { meetingDateId: 'nope' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('automatic ICS export', () => {
  it('rewrites the chosen file after every sync, and reports a bad path without failing the sync', async () => {
    const { mkdtempSync: mk, readFileSync } = await import('node:fs')
    const { tmpdir: tmp } = await import('node:os')
    const { join: j } = await import('node:path')
    const ICAL = (await import('ical.js')).default
    const file = j(mk(j(tmp(), 'auto-ics-')), 'office-hours.ics')
    const refused = await callApi(api, 'updateSettings', { autoExportIcsPath: '/tmp/not-a-calendar.txt' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    await api.updateSettings({ autoExportIcsPath: file })
    const summary = await api.sync({})
    expect(summary.autoExport).toMatchObject({ path: file, error: null })
    const events = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getAllSubcomponents('vevent')
    expect(events.length).toBe(summary.autoExport!.events)
    const items = await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })
    expect(events.length).toBe(items.length)

    await api.updateSettings({ autoExportIcsPath: '/nonexistent-folder/x.ics' })
    const bad = await api.sync({})
    expect(bad.autoExport).toMatchObject({ path: '/nonexistent-folder/x.ics', events: null })
    expect(bad.autoExport!.error).toMatch(/ENOENT|no such file/i)
    await api.updateSettings({ autoExportIcsPath: null })
    expect((await api.sync({})).autoExport).toBeNull()
  })
})

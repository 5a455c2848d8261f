import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import type { ApiHandlers } from '../../../src/shared/api'
import { openDemoApp } from '../../helpers/demo-app'

/**
 * USOS's datatypes page: "we will try to always return the string version of their identifiers";
 * whether meetings' and exams' ids are strings is not documented. The demo installation can answer
 * either way (OFFICE_HOURS_DEMO_ANSWERS); the app must mirror the same thing from both.
 */
type Opened = { ctx: AppContext; api: ApiHandlers }
const styles = { numbers: { ids: 'number' }, strings: { ids: 'string' } } as const
const opened: Partial<Record<keyof typeof styles, Opened>> = {}

beforeAll(async () => {
  for (const [name, answers] of Object.entries(styles) as [
    keyof typeof styles,
    (typeof styles)['numbers']
  ][]) {
    const app = openDemoApp(undefined, answers)
    await app.api.startDemo({})
    await app.api.sync({ full: true })
    opened[name] = app
  }
}, 120_000)
afterAll(async () => {
  for (const app of Object.values(opened)) {
    await app.ctx.demo?.stop()
    app.ctx.close()
  }
})

const everything = { from: '2000-01-01', to: '2100-01-01' }

describe('ids as numbers or as strings', () => {
  it('mirrors the same calendar, every id kept as a string', async () => {
    const a = await opened.numbers!.api.calendarRange(everything)
    const b = await opened.strings!.api.calendarRange(everything)
    expect(a.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
    for (const item of b) expect(typeof item.id).toBe('string')
  })

  it('mirrors the same participant lists and meetings', async () => {
    const dates = (await opened.strings!.api.calendarRange(everything)).filter(
      (i) => i.kind === 'meeting_date'
    )
    let participants = 0
    for (const date of dates.slice(0, 15)) {
      const a = await opened.numbers!.api.getMeetingDate({ meetingDateId: date.id })
      const b = await opened.strings!.api.getMeetingDate({ meetingDateId: date.id })
      expect(b).toEqual(a)
      participants += b.main.length + b.reserve.length
      for (const p of [...b.main, ...b.reserve]) expect(typeof p.id).toBe('string')
    }
    expect(participants).toBeGreaterThan(0)
    expect(await opened.strings!.api.listMeetings({})).toEqual(await opened.numbers!.api.listMeetings({}))
  })

  it('writes through the outbox with string ids, and "already accepted" still counts as done', async () => {
    const { api } = opened.strings!
    const dates = (await api.calendarRange(everything)).filter((i) => i.kind === 'meeting_date')
    let waiting: string | null = null
    for (const date of dates) {
      const details = await api.getMeetingDate({ meetingDateId: date.id })
      waiting = details.main.find((p) => p.status === 'waiting')?.id ?? null
      if (waiting) break
    }
    expect(waiting).not.toBeNull()
    expect((await api.acceptParticipants({ participantIds: [waiting!] }))[0]).toMatchObject({
      outcome: 'done'
    })
    expect((await api.acceptParticipants({ participantIds: [waiting!] }))[0]).toMatchObject({
      outcome: 'done'
    })
  })
})

import { describe, expect, it } from 'vitest'
import { syncedDemo } from '../../helpers/demo-app'
import { addDays, testToday } from '../../helpers/clock'

/**
 * USOS's API cannot create meeting dates: the lecturer creates a draft's dates in USOSweb. Here the
 * demo installation does what USOSweb would (`POST /__demo/meeting_dates`), the app syncs, and the
 * draft says how many of its dates USOS now has, which are missing, and what clashes.
 */
const app = syncedDemo()

async function usosWeb(body: unknown): Promise<{ ids: number[] }> {
  const { baseUrl } = await app.ctx.demo!.start()
  const res = await fetch(`${baseUrl}__demo/meeting_dates`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as { ids: number[] }
}

describe('a draft meets USOS', () => {
  it('after the dates are created in USOSweb, the next sync matches 12 of 14 and names the 2 missing and a clash', async () => {
    const [meeting] = await app.api.listMeetings({})
    expect(meeting).toBeDefined()
    // Late evening, two weeks from now: no seeded date is there, and the whole draft is inside the
    // sync's window (half a year ahead).
    const draft = await app.api.saveDraft({
      draft: {
        name: 'Konsultacje wieczorne',
        meetingId: meeting!.id,
        startDate: addDays(testToday(), 14),
        endDate: addDays(testToday(), 60),
        number: 14,
        frequency: 'daily',
        useCalendar: false,
        startTime: '21:00',
        durationMin: 45
      }
    })
    const before = await app.api.matchDraftWithUsos({ id: draft.id })
    expect(before.match).toMatchObject({ total: 14, inUsos: 0 })
    expect(before.match.missing).toHaveLength(14)
    expect(before.parameters).toMatchObject({
      frequency: 'daily',
      number: 14,
      start_time: '21:00',
      duration_min: 45
    })

    const dates = before.match.missing
    const clashDay = dates[12]!
    await usosWeb({
      meeting_id: Number(meeting!.id),
      dates: [
        ...dates.slice(0, 12).map((d) => ({ start_time: d.start, end_time: d.end })),
        // The 13th created half an hour late: not the draft's date, but in its way.
        { start_time: `${clashDay.date} 21:30:00`, end_time: `${clashDay.date} 22:15:00` }
      ]
    })
    await app.api.sync({})
    const after = await app.api.matchDraftWithUsos({ id: draft.id })
    expect(after.match).toMatchObject({ total: 14, inUsos: 12 })
    expect(after.match.missing.map((d) => d.date)).toEqual([dates[12]!.date, dates[13]!.date])
    expect(after.match.clashes).toHaveLength(1)
    expect(after.match.clashes[0]).toMatchObject({
      draftDate: { date: clashDay.date },
      with: { kind: 'meeting_date', start: `${clashDay.date} 21:30:00` }
    })
    const calendar = await app.api.calendarRange({ from: dates[0]!.date, to: addDays(dates[13]!.date, 1) })
    for (const m of after.match.matched) expect(calendar.some((i) => i.id === m.meetingDateId)).toBe(true)
  })

  it('the demo refuses what USOSweb would refuse: an unknown meeting, a date ending before it starts', async () => {
    const { baseUrl } = await app.ctx.demo!.start()
    const post = (body: unknown) =>
      fetch(`${baseUrl}__demo/meeting_dates`, { method: 'POST', body: JSON.stringify(body) })
    expect((await post({ meeting_id: 999999, dates: [] })).status).toBe(400)
    const [meeting] = await app.api.listMeetings({})
    const backwards = await post({
      meeting_id: Number(meeting!.id),
      dates: [{ start_time: '2027-01-10 10:00:00', end_time: '2027-01-10 09:00:00' }]
    })
    expect(backwards.status).toBe(400)
    expect(await backwards.json()).toMatchObject({ error: 'param_invalid' })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import type { ApiHandlers } from '../../../src/shared/api'
import { openDemoApp } from '../../helpers/demo-app'

/**
 * services/slips and services/exams are BETA at USOS and not every university runs them: such an
 * installation answers their methods 404 method_not_found (errors page). The meetings must sync
 * whole whatever those modules answer.
 */
const everything = { from: '2000-01-01', to: '2100-01-01' }
type Opened = { ctx: AppContext; api: ApiHandlers }
let full: Opened
let bare: Opened
beforeAll(async () => {
  full = openDemoApp()
  bare = openDemoApp(undefined, undefined, ['slips', 'exams'])
  for (const app of [full, bare]) await app.api.startDemo({})
}, 60_000)
afterAll(async () => {
  for (const app of [full, bare]) {
    await app.ctx.demo?.stop()
    app.ctx.close()
  }
})

describe('an installation without the slips and exams modules', () => {
  it('mirrors every meeting date and its list, and notes the modules as not offered', async () => {
    const a = await full.api.sync({ full: true })
    const b = await bare.api.sync({ full: true })
    expect(b.meeting_dates).toBe(a.meeting_dates)
    expect(b.participants).toBe(a.participants)
    expect(b.participant_lists_read).toBe(b.meeting_dates)
    expect(b.exam_groups).toBe(0)
    expect(b.slipquestions).toBe(0)
    const meetingDates = (await full.api.calendarRange(everything)).filter((i) => i.kind === 'meeting_date')
    expect((await bare.api.calendarRange(everything)).filter((i) => i.kind === 'meeting_date')).toEqual(
      meetingDates
    )
    for (const date of meetingDates.slice(0, 10))
      expect(await bare.api.getMeetingDate({ meetingDateId: date.id })).toEqual(
        await full.api.getMeetingDate({ meetingDateId: date.id })
      )
    expect(await bare.api.installationModules({})).toEqual({ slips: 'missing', exams: 'missing' })
    expect(await full.api.installationModules({})).toEqual({ slips: 'offered', exams: 'offered' })
  })

  it('does not ask for a missing module again on an ordinary sync (a full sync asks again)', async () => {
    const before = bare.ctx.demo ? await fetchStats(bare) : null
    const again = await bare.api.sync({})
    expect(again.requests).toBe(2)
    if (before) {
      const after = await fetchStats(bare)
      const asked = Object.keys(after.by_method).filter(
        (m) => (m.includes('slips/') || m.includes('exams/')) && after.by_method[m] !== before.by_method[m]
      )
      expect(asked).toEqual([])
    }
    await bare.api.sync({ full: true })
    expect(await bare.api.installationModules({})).toEqual({ slips: 'missing', exams: 'missing' })
  })
})

async function fetchStats(app: Opened): Promise<{ by_method: Record<string, number> }> {
  const { baseUrl } = await app.ctx.demo!.start()
  return (await (await fetch(`${baseUrl}__demo/stats`)).json()) as { by_method: Record<string, number> }
}

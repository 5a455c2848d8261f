/**
 * The planner through the API handlers on the demo installation: free days of the lecturer's
 * faculty, a draft previewed against the synced calendar, kept across a restart, and the CLI's
 * generator skipping the same free days from the same profile.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import { callApi, createApiHandlers } from '../../../src/main/ipc'
import type { ApiHandlers } from '../../../src/shared/api'
import { cli } from '../../helpers/cli'
import { openDemoApp } from '../../helpers/demo-app'

let dataDir: string
let ctx: AppContext
let api: ApiHandlers
const open = () => openDemoApp(dataDir).ctx

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'planner-flow-'))
  ctx = open()
  api = createApiHandlers(ctx)
  await api.startDemo({})
  await api.sync({})
}, 60_000)
afterAll(async () => {
  await ctx.demo?.stop()
  ctx.close()
})

describe('the term planner on the demo installation', () => {
  it('previews a draft against the synced meeting dates, and keeps it across a restart', async () => {
    const options = await api.plannerOptions({})
    const facultyId = options.meetings.find((m) => m.facultyId)!.facultyId!
    // A draft at the exact time of an existing meeting date clashes with it.
    const existing = (await api.calendarRange({ from: '2026-01-01', to: '2028-01-01' })).find(
      (i) => i.kind === 'meeting_date'
    )!
    const day = existing.start.slice(0, 10)
    const draft = {
      name: 'Dyżur próbny',
      facultyId,
      startDate: day,
      endDate: day,
      number: 1,
      frequency: 'daily' as const,
      useCalendar: false,
      startTime: existing.start.slice(11, 16),
      durationMin: 30
    }
    const preview = await api.previewDraft({ draft })
    expect(preview.dates).toHaveLength(1)
    expect(preview.clashes.map((c) => c.with.id)).toContain(existing.id)
    const saved = await api.saveDraft({ draft })
    expect((await api.draftsRange({ from: day, to: '2100-01-01' })).map((d) => d.draftId)).toContain(saved.id)

    ctx.close()
    ctx = open()
    api = createApiHandlers(ctx)
    expect((await api.listDrafts({})).map((d) => d.name)).toEqual(['Dyżur próbny'])
    const ics = await api.exportDraft({ id: saved.id, format: 'ics', language: 'pl' })
    expect(ics.text).toContain(`UID:draft-${saved.id}-${day}@`)
    expect(ics.fileName).toMatch(/\.ics$/)
  })

  it('refuses a bad draft at the boundary with the field at fault', async () => {
    const r = await callApi(api, 'saveDraft', {
      draft: {
        name: 'x',
        startDate: '2026-10-01',
        endDate: '2026-09-01',
        number: 3,
        frequency: 'weekly',
        startTime: '10:00',
        durationMin: 60
      }
    })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', details: { field: 'end_date' } }
    })
    const bad = await callApi(api, 'saveDraft', { draft: { name: 'x', frequency: 'hourly' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('skips the faculty’s free days in the app and in the CLI alike', async () => {
    const facultyId = (await api.plannerOptions({})).meetings.find((m) => m.facultyId)!.facultyId!
    await api.addFreeDay({ facultyId, day: '2026-11-17', reason: 'Dzień rektorski' })
    const preview = await api.previewDraft({
      draft: {
        name: 'Wtorki',
        facultyId,
        startDate: '2026-11-01',
        endDate: '2026-11-30',
        number: 10,
        frequency: 'weekly',
        weekDay: 2,
        useCalendar: true,
        startTime: '10:00',
        durationMin: 90
      }
    })
    expect(preview.dates.map((d) => d.date)).toEqual(['2026-11-03', '2026-11-10', '2026-11-24'])
    expect(preview.skipped).toEqual([{ day: '2026-11-17', kind: 'free_day', reason: 'Dzień rektorski' }])

    ctx.close()
    const r = await cli(
      'generate',
      ...[
        '--start-date',
        '2026-11-01',
        '--end-date',
        '2026-11-30',
        '--number',
        '10',
        '--frequency',
        'weekly'
      ],
      ...['--week-day', '2', '--use-calendar', '--fac-id', facultyId, '--data-dir', dataDir, '--json']
    )
    ctx = open()
    api = createApiHandlers(ctx)
    expect(r.err).toBe('')
    expect((JSON.parse(r.out) as Array<{ date: string }>).map((d) => d.date)).toEqual(
      preview.dates.map((d) => d.date)
    )
  })
})

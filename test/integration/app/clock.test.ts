/**
 * One clock for the app, its handlers and the demo installation: pinned, the demo's data is laid
 * out around that day (the same data every time), the sync window follows it, the page is told it;
 * a bad `--now` is one clear line.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { inProcessDemo } from '../../../src/main/demo'
import { usosClientFactory } from '../../../src/core/usos'
import { createApiHandlers } from '../../../src/main/ipc'
import { pinnedClock, type Clock } from '../../../src/shared/clock'
import { cli } from '../../helpers/cli'

const opened: AppContext[] = []
afterAll(async () => {
  for (const ctx of opened) {
    await ctx.demo?.stop()
    ctx.close()
  }
})

async function syncedAt(now: Clock) {
  const dataDir = mkdtempSync(join(tmpdir(), 'clock-'))
  const ctx = createAppContext({
    dataDir,
    shell: 'web',
    version: '0',
    clientFactory: usosClientFactory,
    demo: inProcessDemo(dataDir, { scale: 'small', now }),
    now
  })
  opened.push(ctx)
  const api = createApiHandlers(ctx)
  await api.startDemo({})
  await api.sync({ full: true })
  const items = await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })
  return { api, items }
}

const DAY = 86_400_000

describe('a pinned clock', () => {
  // Three parts of the academic year: an exam session, Christmas Eve, the summer break.
  it.each(['2027-02-03T09:00:00+01:00', '2026-12-24T09:00:00+01:00', '2027-07-20T10:00:00+02:00'])(
    'at %s: the page is told the time, and the demo lays its office hours around that day',
    async (iso) => {
      const at = new Date(iso)
      const { api, items } = await syncedAt(pinnedClock(at))
      const info = await api.getAppInfo({})
      expect(Math.abs(Date.parse(info.now) - at.getTime())).toBeLessThan(5 * 60_000)
      const dates = items.filter((i) => i.kind === 'meeting_date')
      expect(dates.length).toBeGreaterThan(0)
      const day = (i: { start: string }) => Date.parse(`${i.start.slice(0, 10)}T12:00:00Z`)
      // Some behind and some still to come (the sync window is a year around "now").
      expect(dates.some((d) => day(d) < at.getTime())).toBe(true)
      expect(dates.some((d) => day(d) > at.getTime())).toBe(true)
      for (const d of dates) expect(Math.abs(day(d) - at.getTime())).toBeLessThan(200 * DAY)
    },
    60_000
  )

  it('gives the same data every time', async () => {
    const at = new Date('2027-07-20T10:00:00+02:00')
    const shape = (items: Array<{ kind: string; start: string; end: string; title?: unknown }>) =>
      items.map((i) => [i.kind, i.start, i.end, JSON.stringify(i.title ?? null)])
    const a = await syncedAt(pinnedClock(at))
    const b = await syncedAt(pinnedClock(at))
    expect(shape(b.items)).toEqual(shape(a.items))
  }, 60_000)

  it('refuses a --now that is not an instant with one line, and runs nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clock-cli-'))
    for (const args of [['sync'], ['export-ics', '--out', join(dataDir, 'x.ics')]]) {
      const r = await cli(...args, '--now', 'next tuesday', '--data-dir', dataDir)
      expect(r.code).not.toBe(0)
      expect(r.err.trim().split('\n')).toHaveLength(1)
      expect(r.err).toMatch(/--now must be an ISO date-time/)
      expect(r.out).toBe('')
    }
  })
})

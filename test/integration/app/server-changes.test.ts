/**
 * Changes made on the USOS side (as in USOSweb, written straight into the demo installation's own
 * database) reach the mirror with an ordinary sync: a renamed meeting, a moved date, a new and a
 * removed participant, a deleted date; and the sync re-reads only the participant lists whose
 * counts changed.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import type { ApiHandlers } from '../../../src/shared/api'
import type { CalendarItem } from '../../../src/shared/types'
import { openDemoApp } from '../../helpers/demo-app'

let ctx: AppContext
let api: ApiHandlers
let usos: Database.Database
beforeAll(async () => {
  const opened = openDemoApp()
  ;({ ctx, api } = opened)
  await api.startDemo({})
  await api.sync({ full: true })
  usos = new Database(join(opened.dataDir, 'demo-installation', 'demo-installation.sqlite'))
}, 60_000)
afterAll(async () => {
  usos.close()
  await ctx.demo?.stop()
  ctx.close()
})

const dates = async (): Promise<CalendarItem[]> =>
  (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter((i) => i.kind === 'meeting_date')
const everyone = async (id: string) => {
  const d = await api.getMeetingDate({ meetingDateId: id })
  return [...d.main, ...d.reserve, ...d.rejected]
}

describe('changes made in USOS', () => {
  it('show up after an ordinary sync, and deletions disappear', async () => {
    const before = await dates()
    const [moved, grown, shrunk, deleted] = before.filter((d) => (d.registeredCount ?? 0) > 0).slice(-4)
    expect(deleted).toBeDefined()
    const meetingId = moved!.meetingId
    const gone = (
      usos
        .prepare('SELECT id FROM meetings_participants WHERE meeting_date_id = ? LIMIT 1')
        .get(shrunk!.id) as {
        id: number
      }
    ).id

    usos.transaction(() => {
      usos
        .prepare("UPDATE meetings_meetings SET name_pl = 'Dyżur (przeniesiony w USOSweb)' WHERE id = ?")
        .run(meetingId)
      usos
        .prepare(
          "UPDATE meetings_dates SET start_time = datetime(start_time, '+1 hour'), end_time = datetime(end_time, '+1 hour') WHERE id = ?"
        )
        .run(moved!.id)
      usos
        .prepare(
          `INSERT INTO meetings_participants (meeting_date_id, external_first_name, external_last_name, external_email, status, is_reserve, registered_at)
           VALUES (?, 'Zapisana', 'WUSOSweb', 'z@example.com', 'accepted', 0, '2026-11-30 12:00:00')`
        )
        .run(grown!.id)
      usos.prepare('DELETE FROM meetings_participants WHERE id = ?').run(gone)
      usos.prepare('DELETE FROM meetings_participants WHERE meeting_date_id = ?').run(deleted!.id)
      usos.prepare('DELETE FROM meetings_dates WHERE id = ?').run(deleted!.id)
    })()

    const summary = await api.sync({})
    // The window's two reads, then only the lists whose counts changed (grown, shrunk).
    expect(summary.participant_lists_read).toBe(2)

    const after = await dates()
    expect(after.map((d) => d.id)).not.toContain(deleted!.id)
    expect(after).toHaveLength(before.length - 1)
    await expect(api.getMeetingDate({ meetingDateId: deleted!.id })).rejects.toMatchObject({
      code: 'not_found'
    })

    const m = after.find((d) => d.id === moved!.id)!
    const hour = (t: string) => Number(t.slice(11, 13))
    expect(hour(m.start)).toBe((hour(moved!.start) + 1) % 24)
    expect(m.title.pl).toBe('Dyżur (przeniesiony w USOSweb)')
    expect((await api.listMeetings({})).find((x) => x.id === meetingId)!.name.pl).toBe(
      'Dyżur (przeniesiony w USOSweb)'
    )

    expect((await everyone(grown!.id)).filter((p) => p.lastName === 'WUSOSweb')).toHaveLength(1)
    expect((await everyone(shrunk!.id)).map((p) => p.id)).not.toContain(String(gone))
    expect(after.find((d) => d.id === shrunk!.id)!.registeredCount).toBe((shrunk!.registeredCount ?? 0) - 1)
  }, 60_000)

  it('a swap of people leaves the counts alone: the date’s page reads it again and sees it', async () => {
    const date = (await dates()).find((d) => (d.registeredCount ?? 0) > 0 && (d.waitingCount ?? 0) === 0)!
    const leaving = (await everyone(date.id))[0]!
    const row = usos
      .prepare('SELECT status, is_reserve FROM meetings_participants WHERE id = ?')
      .get(leaving.id) as {
      status: string
      is_reserve: number
    }
    usos.transaction(() => {
      usos.prepare('DELETE FROM meetings_participants WHERE id = ?').run(leaving.id)
      usos
        .prepare(
          `INSERT INTO meetings_participants (meeting_date_id, external_first_name, external_last_name, status, is_reserve, registered_at)
           VALUES (?, 'Zamiana', 'NaMiejsce', ?, ?, '2026-11-30 12:00:00')`
        )
        .run(date.id, row.status, row.is_reserve)
    })()
    // An ordinary sync compares counts: they are the same, so this list is not read.
    expect((await api.sync({})).participant_lists_read).toBe(0)
    expect((await everyone(date.id)).map((p) => p.id)).toContain(leaving.id)

    expect(await api.refreshMeetingDate({ meetingDateId: date.id })).toEqual({ outcome: 'refreshed' })
    const now = await everyone(date.id)
    expect(now.map((p) => p.id)).not.toContain(leaving.id)
    expect(now.filter((p) => p.lastName === 'NaMiejsce')).toHaveLength(1)
  }, 60_000)

  it('a date removed in USOS is dropped when its page reads it again', async () => {
    const date = (await dates())[0]!
    usos.transaction(() => {
      usos.prepare('DELETE FROM meetings_participants WHERE meeting_date_id = ?').run(date.id)
      usos.prepare('DELETE FROM meetings_dates WHERE id = ?').run(date.id)
    })()
    expect(await api.refreshMeetingDate({ meetingDateId: date.id })).toEqual({ outcome: 'gone' })
    await expect(api.getMeetingDate({ meetingDateId: date.id })).rejects.toMatchObject({ code: 'not_found' })
  }, 60_000)
})

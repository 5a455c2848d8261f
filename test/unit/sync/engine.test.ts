import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { calendarRange, mirrorMigrations } from '../../../src/core/mirror'
import { openDatabase } from '../../../src/core/store'
import { syncMeetings } from '../../../src/core/sync'
import { fakeUsos } from '../../helpers/fake-usos'

const window = { lecturerId: '7', from: '2026-11-01', to: '2027-03-01' }
let db: ReturnType<typeof openDatabase>['db']
beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sync-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  }).db
})

describe('syncMeetings', () => {
  it('fills the mirror on the first sync and reads every date’s participants', async () => {
    const { usos, calls } = fakeUsos()
    const summary = await syncMeetings(db, usos, window)
    expect(summary).toMatchObject({
      requests: 4,
      meetings: 1,
      meeting_dates: 2,
      participants: 1,
      participant_lists_read: 2
    })
    expect(calls.filter((c) => c.endsWith('meeting_date_participants'))).toHaveLength(2)
    const items = calendarRange(db, '2026-11-01', '2026-12-31')
    expect(items.map((i) => [i.id, i.title.en, i.room, i.acceptedCount])).toEqual([
      ['10', 'Office hours', '101, Gmach', 1],
      ['11', 'Office hours', null, 0]
    ])
    expect(db.prepare('SELECT substantiation_message FROM participants WHERE id = ?').get('100')).toEqual({
      substantiation_message: 'konsultacje'
    })
  })

  it('needs only two requests when nothing changed, and re-reads only the changed date', async () => {
    const { usos, calls, state } = fakeUsos()
    await syncMeetings(db, usos, window)
    calls.length = 0
    expect((await syncMeetings(db, usos, window)).requests).toBe(2)
    const date = state.dates[1] as Record<string, unknown>
    date.registered_participants_count = 1
    date.waiting_participants_count = 1
    state.participants[11] = [
      {
        id: 101,
        is_external: true,
        user: null,
        external_first_name: 'Jan',
        external_last_name: 'Kowalski',
        external_email: 'jan@example.com',
        external_contact: null,
        status: 'waiting',
        is_reserve: true,
        number_in_queue: 1,
        substantiation: null,
        rejection_substantiation: null,
        substantiation_message: null,
        rejection_substantiation_message: null,
        lecturer_actions: [],
        user_actions: []
      }
    ]
    calls.length = 0
    const s = await syncMeetings(db, usos, window)
    expect(s.requests).toBe(3)
    expect(calls.filter((c) => c.endsWith('meeting_date_participants'))).toHaveLength(1)
    expect(
      db.prepare("SELECT external_last_name, is_reserve FROM participants WHERE meeting_date_id = '11'").all()
    ).toEqual([{ external_last_name: 'Kowalski', is_reserve: 1 }])
    expect((await syncMeetings(db, usos, { ...window, full: true })).participant_lists_read).toBe(2)
  })

  it('reads the participant lists nearest to the app’s clock first: today, this week, then the rest', async () => {
    // The app's clock pinned to a Wednesday morning far from the day the test runs.
    const now = () => new Date('2031-03-12T09:00:00+01:00')
    const { usos, state } = fakeUsos()
    const template = state.dates[0] as Record<string, unknown>
    const at = (id: number, start: string) => ({
      ...structuredClone(template),
      id,
      start_time: `${start}:00`,
      end_time: `${start.slice(0, 10)} 23:00:00`
    })
    state.dates = [
      at(1, '2031-05-20 10:00'), // in two months
      at(2, '2031-03-10 10:00'), // Monday of this week, past
      at(3, '2031-03-12 16:00'), // today, this afternoon
      at(4, '2031-03-12 08:00'), // today, an hour ago
      at(5, '2031-03-16 10:00'), // Sunday, the week's last day
      at(6, '2031-03-17 10:00'), // next Monday
      at(7, '2031-03-05 10:00') // a week ago
    ]
    const order: string[] = []
    const recording = {
      call: <T>(method: string, params: Record<string, string | number | boolean | undefined> = {}) => {
        if (method.endsWith('meeting_date_participants')) order.push(String(params.meeting_date_id))
        return usos.call<T>(method, params)
      }
    }
    await syncMeetings(db, recording, { lecturerId: '7', from: '2031-01-01', to: '2031-07-01', now })
    expect(order).toEqual(['4', '3', '2', '5', '6', '7', '1'])
  })

  it('removes dates and meetings that USOS no longer has, but keeps rows with pending writes', async () => {
    const { usos, state } = fakeUsos()
    await syncMeetings(db, usos, window)
    db.prepare(
      "INSERT INTO outbox (op_id, kind, payload, target_table, target_id, state, created_at, updated_at) VALUES ('op1', 'accept', '{}', 'participants', '100', 'pending', 'now', 'now')"
    ).run()
    // Participant 100 is rejected elsewhere and vanishes from USOS's list; our pending write keeps it.
    state.participants[10] = []
    ;(state.dates[0] as Record<string, unknown>).registered_participants_count = 0
    state.dates.splice(1, 1)
    const s = await syncMeetings(db, usos, window)
    expect(s.deleted.meeting_dates).toBe(1)
    expect(db.prepare("SELECT id FROM participants WHERE id = '100'").get()).toEqual({ id: '100' })
    state.meetings = []
    state.dates = []
    expect((await syncMeetings(db, usos, window)).deleted.meetings).toBe(1)
    expect(calendarRange(db, '2026-11-01', '2027-03-01')).toEqual([])
  })

  it('leaves the mirror untouched when an answer is malformed, and says why', async () => {
    const { usos, state } = fakeUsos()
    await syncMeetings(db, usos, window)
    const before = calendarRange(db, '2026-11-01', '2027-03-01')
    state.broken = true
    await expect(syncMeetings(db, usos, window)).rejects.toThrow(/unexpected shape/)
    expect(calendarRange(db, '2026-11-01', '2027-03-01')).toEqual(before)
    expect(db.prepare('SELECT state FROM sync_runs ORDER BY id DESC LIMIT 1').get()).toEqual({
      state: 'failed'
    })
  })

  it('stops when cancelled and reports it', async () => {
    const { usos } = fakeUsos()
    const controller = new AbortController()
    controller.abort()
    await expect(syncMeetings(db, usos, { ...window, signal: controller.signal })).rejects.toThrow(
      /cancelled/
    )
  })
})

/**
 * The desktop app's notifications through the main process's notifier, with a stand-in for
 * Electron's Notification class: after a sync against the demo installation, new sign-ups and
 * moves from the reserve list to the main one (made in USOS, here written straight into the demo
 * installation's own database as USOSweb would); each kind turned off in the settings; the window
 * told to show a toast where the system has no notifications; and a reminder before a date, shown
 * once (a restart included). The clock is the tests' one, moved only for the reminder.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { startNotifications, type Notifications } from '../../../src/core/app/notifications'
import type { Timers } from '../../../src/core/app/reminders'
import { usosDateTime, warsawInstant } from '../../../src/core/schedule/timed'
import { usosClientFactory } from '../../../src/core/usos'
import { inProcessDemo } from '../../../src/main/demo'
import { createApiHandlers } from '../../../src/main/ipc'
import { systemNotifier } from '../../../src/main/system-notifications'
import type { ApiHandlers } from '../../../src/shared/api'
import { formatUsosDayTime, formatUsosTime } from '../../../src/shared/locale-format'
import type { AppNotification } from '../../../src/shared/types-notifications'
import { testClock } from '../../helpers/clock'

/** Electron's Notification as the notifier uses it: records what was shown. */
class FakeNotification extends EventEmitter {
  static supported = true
  static shown: FakeNotification[] = []
  static isSupported(): boolean {
    return FakeNotification.supported
  }
  constructor(readonly options: { title: string; body: string }) {
    super()
  }
  show(): void {
    FakeNotification.shown.push(this)
  }
}

/** Timers that never fire: the scheduler looks when the settings or a sync say so, or when told. */
const stillTimers: Timers = { set: () => 0, clear: () => {} }

let shiftMs = 0
let ctx: AppContext
let api: ApiHandlers
let usos: Database.Database
let notifications: Notifications
const pushed: AppNotification[] = []
const clicked: AppNotification[] = []

function start(): Notifications {
  return startNotifications(ctx, {
    system: systemNotifier(FakeNotification, {
      language: () => ctx.settings.get().language,
      onClick: (n) => clicked.push(n)
    }),
    timers: stillTimers
  })
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'notifications-'))
  ctx = createAppContext({
    dataDir,
    shell: 'electron',
    version: '0',
    clientFactory: usosClientFactory,
    demo: inProcessDemo(dataDir, { scale: 'small' }),
    now: () => new Date(testClock().getTime() + shiftMs)
  })
  api = createApiHandlers(ctx)
  await api.startDemo({})
  await api.sync({ full: true })
  usos = new Database(join(dataDir, 'demo-installation', 'demo-installation.sqlite'))
  usos.pragma('busy_timeout = 5000')
  // Reminders are looked at in their own test, at a moment it chooses.
  await api.updateSettings({ reminderMinutes: 0 })
  ctx.events.subscribe((event, payload) => {
    if (event === 'notification') pushed.push(payload as AppNotification)
  })
  notifications = start()
}, 60_000)
afterAll(async () => {
  notifications.stop()
  usos.close()
  await ctx.demo?.stop()
  ctx.close()
})
beforeEach(() => {
  FakeNotification.shown = []
  FakeNotification.supported = true
  pushed.length = 0
})

const mirror = () => ctx.mirrors.get(ctx.accounts.active()!.id)

/** The lecturer's first date starting more than a day from now (it does not end during the tests). */
function upcomingDate(): { id: string; start: string; name: string } {
  return mirror()
    .prepare(
      `SELECT d.id, d.start_time AS start, m.name_pl AS name FROM meeting_dates d JOIN meetings m ON m.id = d.meeting_id
       WHERE d.start_time > ? ORDER BY d.start_time, d.id LIMIT 1`
    )
    .get(usosDateTime(new Date(testClock().getTime() + 86_400_000))) as {
    id: string
    start: string
    name: string
  }
}

/** Someone signs up in USOS (as in USOSweb): an outside person, on the main list or the reserve one. */
function signUpInUsos(dateId: string, first: string, last: string, reserve = false): number {
  return Number(
    usos
      .prepare(
        `INSERT INTO meetings_participants (meeting_date_id, external_first_name, external_last_name, status, is_reserve, number_in_queue, registered_at)
         VALUES (?, ?, ?, ?, ?, ?, '2026-11-30 12:00:00')`
      )
      .run(
        Number(dateId),
        first,
        last,
        reserve ? 'awaiting' : 'accepted',
        reserve ? 1 : 0,
        reserve ? 99 : null
      ).lastInsertRowid
  )
}
const moveToMain = (participantId: number) =>
  usos
    .prepare(
      "UPDATE meetings_participants SET is_reserve = 0, status = 'accepted', number_in_queue = NULL WHERE id = ?"
    )
    .run(participantId)

describe('notifications of the desktop app', () => {
  let reserveId = 0

  it('shows new sign-ups after a sync as one system notification, names in Polish order', async () => {
    const date = upcomingDate()
    const when = formatUsosDayTime(date.start, 'pl')
    signUpInUsos(date.id, 'Zofia', 'Żak')
    signUpInUsos(date.id, 'Adam', 'Ćwik')
    reserveId = signUpInUsos(date.id, 'Rafał', 'Rezerwowy', true)
    await api.sync({})

    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      {
        title: 'Nowe zapisy (3)',
        // Polish order: by code point "Rezerwowy" (R) would come before "Ćwik" (Ć).
        body: [`Adam Ćwik — ${when}`, `Rafał Rezerwowy — ${when}`, `Zofia Żak — ${when}`].join('\n')
      }
    ])
    expect(pushed).toMatchObject([{ kind: 'signedUp', shownBySystem: true }])
    const [signedUp] = pushed
    expect(signedUp?.kind === 'signedUp' && signedUp.people.map((p) => p.meetingDateId)).toEqual([
      date.id,
      date.id,
      date.id
    ])
    // A click on it brings the window forward (the shell's hook).
    FakeNotification.shown[0]!.emit('click')
    expect(clicked).toMatchObject([{ kind: 'signedUp' }])

    // Nothing new: nothing said.
    await api.sync({})
    expect(FakeNotification.shown).toHaveLength(1)
  })

  it('shows a move from the reserve list to the main one', async () => {
    const date = upcomingDate()
    moveToMain(reserveId)
    await api.sync({})
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      {
        title: 'Z listy rezerwowej na główną',
        body: `Rafał Rezerwowy — ${formatUsosDayTime(date.start, 'pl')}`
      }
    ])
    expect(pushed).toMatchObject([{ kind: 'promoted', shownBySystem: true }])
  })

  it('says nothing of a sign-up the lecturer made in the app', async () => {
    const date = upcomingDate()
    const result = await api.signUpOutsidePerson({
      meetingDateId: date.id,
      firstName: 'Własny',
      lastName: 'Zapis',
      email: 'wlasny.zapis@example.com'
    })
    expect(result.outcome).toBe('done')
    await api.sync({})
    expect(FakeNotification.shown).toEqual([])
    expect(pushed).toEqual([])
  })

  it('says nothing of a kind turned off, and the other kind still', async () => {
    const date = upcomingDate()
    await api.updateSettings({ notifySignUps: false })
    const piotr = signUpInUsos(date.id, 'Piotr', 'Drugi', true)
    await api.sync({})
    expect(FakeNotification.shown).toEqual([])
    expect(pushed).toEqual([])

    await api.updateSettings({ notifySignUps: true, notifyPromotions: false })
    moveToMain(piotr)
    signUpInUsos(date.id, 'Ewa', 'Trzecia')
    await api.sync({})
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Nowy zapis'])
    expect(pushed.map((n) => n.kind)).toEqual(['signedUp'])
    await api.updateSettings({ notifyPromotions: true })
  })

  it('in English when the app is, and left to the window where the system has no notifications', async () => {
    const date = upcomingDate()
    await api.updateSettings({ language: 'en' })
    signUpInUsos(date.id, 'Olga', 'Czwarta')
    await api.sync({})
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      { title: 'New sign-up', body: `Olga Czwarta — ${formatUsosDayTime(date.start, 'en')}` }
    ])
    await api.updateSettings({ language: 'pl' })

    FakeNotification.shown = []
    pushed.length = 0
    FakeNotification.supported = false
    signUpInUsos(date.id, 'Iga', 'Piąta')
    await api.sync({})
    expect(FakeNotification.shown).toEqual([])
    expect(pushed).toMatchObject([
      { kind: 'signedUp', shownBySystem: false, people: [{ lastName: 'Piąta' }] }
    ])
  })

  it('reminds of a date before it starts, once, with its main list counted, not again after a restart', async () => {
    const date = upcomingDate()
    const main = (await api.getMeetingDate({ meetingDateId: date.id })).main.length
    expect(main).toBeGreaterThan(0)
    // Ten minutes before the date starts, by the app's clock.
    shiftMs = warsawInstant(date.start).getTime() - 10 * 60_000 - testClock().getTime()
    try {
      expect(notifications.reminders.check()).toEqual([])
      await api.updateSettings({ reminderMinutes: 15 })
      const ours = () => FakeNotification.shown.filter((n) => n.options.title.endsWith(`: ${date.name}`))
      expect(ours().map((n) => n.options.title)).toEqual([
        `Dyżur o ${formatUsosTime(date.start)}: ${date.name}`
      ])
      expect(ours()[0]!.options.body).toMatch(
        new RegExp(`\\nNa liście głównej: ${main} (osoba|osoby|osób) \\(miejsc: \\d+\\)$`)
      )
      expect(pushed.filter((n) => n.kind === 'reminder' && n.meetingDateId === date.id)).toMatchObject([
        { shownBySystem: true, mainCount: main }
      ])

      const before = FakeNotification.shown.length
      expect(notifications.reminders.check()).toEqual([])
      notifications.stop()
      notifications = start()
      expect(notifications.reminders.check()).toEqual([])
      expect(FakeNotification.shown).toHaveLength(before)
    } finally {
      shiftMs = 0
      await api.updateSettings({ reminderMinutes: 0 })
    }
  })
})

/**
 * What the app tells the lecturer of its own accord, decided here by the settings: after a sync,
 * the new sign-ups and the moves from the reserve list to the main one (the `participantsChanged`
 * event of the sync), and before an office hour, a reminder (reminders.ts). Each is handed to the
 * system's notifications when the shell has them (Electron's, in src/main), then pushed to the
 * window as a `notification` event, which shows it as a toast when the system did not.
 */
import type { ApiEvents } from '../../shared/api'
import { compareNames } from '../../shared/locale-format'
import type { ParticipantChangeView } from '../../shared/types-attendance'
import type { AppNotification, NotificationFacts, NotifiedPerson } from '../../shared/types-notifications'
import type { AppContext } from './context'
import { ReminderScheduler, type Timers } from './reminders'

/** Shows a notification through the system; true when it did (false: not supported here). */
export type SystemNotifier = (notification: AppNotification) => boolean

export interface Notifications {
  /** The reminder scheduler (tests call its `check` with a pinned clock). */
  reminders: ReminderScheduler
  stop(): void
}

/** People as a list of names is read (Polish collation: last name, first name), then by date. */
export function sortedPeople(changes: readonly ParticipantChangeView[]): NotifiedPerson[] {
  return changes
    .map((c) => ({
      firstName: c.firstName,
      lastName: c.lastName,
      meetingDateId: c.meetingDateId,
      start: c.start
    }))
    .sort((a, b) => compareNames(a, b, 'pl') || a.start.localeCompare(b.start))
}

export function startNotifications(
  ctx: AppContext,
  options: {
    system?: SystemNotifier
    timers?: Timers
    /** false: no reminders before office hours (the end-to-end tests' harness, whose days are real ones). */
    reminders?: boolean
  } = {}
): Notifications {
  let sent = 0
  const publish = (accountId: string, facts: NotificationFacts) => {
    const notification: AppNotification = {
      ...facts,
      id: `${facts.kind}-${ctx.now().getTime()}-${++sent}`,
      accountId,
      shownBySystem: false
    }
    let shownBySystem = false
    try {
      shownBySystem = options.system?.(notification) ?? false
    } catch {
      // The system would not show it: the window does.
      shownBySystem = false
    }
    ctx.events.emit('notification', { ...notification, shownBySystem })
  }
  const reminders = new ReminderScheduler(ctx, publish, options.timers)
  const unsubscribe = ctx.events.subscribe((event, payload) => {
    if (event === 'participantsChanged') {
      const changes = payload as ApiEvents['participantsChanged']
      const settings = ctx.settings.get()
      if (settings.notifySignUps && changes.signedUp.length > 0)
        publish(changes.accountId, { kind: 'signedUp', people: sortedPeople(changes.signedUp) })
      if (settings.notifyPromotions && changes.promoted.length > 0)
        publish(changes.accountId, { kind: 'promoted', people: sortedPeople(changes.promoted) })
    } else if (event === 'settingsChanged' || event === 'accountsChanged') {
      // Another lead, or another account: look again now.
      reminders.check()
    } else if (event === 'syncProgress' && (payload as ApiEvents['syncProgress']).phase === 'done') {
      // New or moved dates.
      reminders.check()
    }
  })
  if (options.reminders !== false) reminders.start()
  return {
    reminders,
    stop: () => {
      unsubscribe()
      reminders.stop()
    }
  }
}

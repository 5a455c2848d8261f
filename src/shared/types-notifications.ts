/**
 * What the app tells the lecturer of its own accord: after a sync, who signed up anew and who
 * moved from the reserve list to the main one; before an office hour, that it is about to start.
 * The core decides (by the settings) and pushes one of these; Electron shows it as a system
 * notification, the web harness's page as a toast. Texts are made where it is shown, in the UI's
 * language (notification-text.ts), from these facts.
 */
import type { LangDict } from './types'

export type NotificationKind = 'signedUp' | 'promoted' | 'reminder'

export interface NotifiedPerson {
  firstName: string
  lastName: string
  meetingDateId: string
  /** The date's start, USOS wall-clock time (Europe/Warsaw). */
  start: string
}

export interface ParticipantsNotification {
  kind: 'signedUp' | 'promoted'
  /** Sorted by name (Polish collation), then by the date's start. */
  people: NotifiedPerson[]
}

export interface ReminderNotification {
  kind: 'reminder'
  meetingDateId: string
  meetingName: LangDict
  /** USOS wall-clock times (Europe/Warsaw). */
  start: string
  end: string
  /** How many are on the main list (not rejected, not on the reserve list), and the seats. */
  mainCount: number
  seatsLimit: number | null
}

export type NotificationFacts = ParticipantsNotification | ReminderNotification

/** As pushed to the window: `shownBySystem` says the system notification already showed it. */
export type AppNotification = NotificationFacts & {
  id: string
  accountId: string
  shownBySystem: boolean
}

/** Domain types shared by main and renderer; names follow USOS's own words. */

export type Language = 'pl' | 'en'

export interface LangDict {
  pl: string | null
  en: string | null
}

export interface Settings {
  language: Language
  theme: 'system' | 'light' | 'dark'
}

export interface AppInfo {
  name: string
  version: string
  /** Where the profile lives: mirror, secrets, settings. */
  dataDir: string
  /** `electron` in the desktop app, `web` in the web harness. */
  shell: 'electron' | 'web'
  /** The installation's zone: USOS datetimes are local to it. */
  timeZone: string
  schemaVersion: number
}

/** One entry of the calendar: a meeting date (office hours) or, later, an exam group. */
export interface CalendarItem {
  kind: 'meeting_date'
  id: string
  meetingId: string
  title: LangDict
  comment: LangDict
  /** USOS local datetimes, "YYYY-MM-DD HH:MM:SS" in the installation's zone. */
  start: string
  end: string
  room: string | null
  seatsLimit: number | null
  reserveSeatsLimit: number | null
  acceptedCount: number | null
  waitingCount: number | null
  registeredCount: number | null
}

/** Domain types shared by main and renderer; names follow USOS's own words. */

export type Language = 'pl' | 'en'

export interface LangDict {
  pl: string | null
  en: string | null
}

export interface Settings {
  language: Language
  theme: 'system' | 'light' | 'dark'
  /** An .ics file rewritten after every sync, for calendars subscribed to it; null: off. */
  autoExportIcsPath: string | null
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
  kind: 'meeting_date' | 'exam_group'
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
  /** For an exam group: the exam and the group's number. */
  examId?: string
  groupNumber?: number
}

export interface AccountView {
  id: string
  baseUrl: string
  institutionName: LangDict | null
  userId: string
  firstName: string
  lastName: string
  scopes: string[]
  isDemo: boolean
  needsSignIn: boolean
  active: boolean
}

export interface SecretStorageView {
  backend: string
  strong: boolean
  persisted: boolean
}

export interface AccountsView {
  accounts: AccountView[]
  secretStorage: SecretStorageView
}

export interface SignInStart {
  pendingId: string
  authorizeUrl: string
}

export interface SyncSummaryView {
  requests: number
  elapsed_ms: number
  exams: number
  exam_groups: number
  meetings: number
  meeting_dates: number
  participants: number
  participant_lists_read: number
  outbox: { done: number; needsAttention: number; paused: string | null }
  /** The automatic ICS export after this sync, if it is on. */
  autoExport: { path: string; events: number | null; error: string | null } | null
}

export interface SyncProgressView {
  accountId: string
  phase: 'outbox' | 'meetings' | 'participants' | 'done' | 'failed'
  done: number
  total: number
  message?: string
}

export interface SubstantiationView {
  id: string
  name: LangDict
  message: LangDict
}

export interface ParticipantView {
  id: string
  /** Set for a sign-up made here and not yet through to USOS. */
  pending: boolean
  isExternal: boolean
  userId: string | null
  firstName: string
  lastName: string
  titles: string | null
  studentNumber: string | null
  email: string | null
  contact: string | null
  status: 'accepted' | 'waiting' | 'rejected' | 'token_created' | string
  isReserve: boolean
  numberInQueue: number | null
  substantiation: SubstantiationView | null
  substantiationMessage: string | null
  rejectionSubstantiation: SubstantiationView | null
  rejectionMessage: string | null
}

export interface MeetingDateDetails {
  item: CalendarItem
  meeting: {
    id: string
    name: LangDict
    facultyId: string | null
    faculty: LangDict | null
    termId: string | null
    term: LangDict | null
    autoAccept: boolean | null
  }
  main: ParticipantView[]
  reserve: ParticipantView[]
  rejected: ParticipantView[]
}

export interface OutboxItemView {
  opId: string
  kind: string
  state: 'pending' | 'sending' | 'unknown' | 'needs_attention' | 'done'
  attempts: number
  lastError: string | null
  createdAt: string
  summary: string
}

export interface ActionResult {
  /** `done`: USOS confirmed; `queued`: offline or paused, it will be sent; `needs_attention`: USOS refused. */
  outcome: 'done' | 'queued' | 'needs_attention'
  message: string | null
  opId: string
}

export interface InstallationView {
  baseUrl: string
  name: LangDict
  version: string | null
  contactEmails: string[]
}

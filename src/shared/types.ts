/** Domain types shared by main and renderer; names follow USOS's own words. */
import type { IcsAlarmMinutes, ReminderMinutes } from './reminders'

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
  /** Minutes between automatic syncs while the app is open (and at opening, for an older copy); 0: off. */
  autoSyncMinutes: number
  /** A reminder (VALARM) this many minutes before each event of the .ics files written; null: none. */
  icsAlarmMinutes: IcsAlarmMinutes | null
  /** Tell the lecturer, after a sync, who signed up anew. */
  notifySignUps: boolean
  /** Tell the lecturer, after a sync, who moved from the reserve list to the main one. */
  notifyPromotions: boolean
  /** Remind the lecturer this many minutes before each office hour starts; 0: off. */
  reminderMinutes: ReminderMinutes
}

/** When the mirror last finished a sync (ISO), or null before the first. */
export interface SyncStateView {
  lastSyncedAt: string | null
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
  /** The main process's "now" when asked (pinned in tests with OFFICE_HOURS_NOW or --now): the renderer's clock follows it. */
  now: string
  /**
   * Profile files SQLite found damaged at start, each moved aside to this path (kept for a later
   * look; a full sync rebuilds a mirror): to be shown to the user, never silent.
   */
  quarantined: string[]
}

/** One entry of the calendar: a meeting date (office hours) or, later, an exam group. */
export interface CalendarItem {
  /** A draft is the planner's, not in USOS (shown only in the app's calendar). */
  kind: 'meeting_date' | 'exam_group' | 'draft'
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

/** A row of the meetings list. */
export interface MeetingListItem {
  id: string
  name: LangDict
  state: string | null
  open: boolean | null
  autoAccept: boolean | null
  substantiationMode: string | null
  facultyId: string | null
  faculty: LangDict | null
  termId: string | null
  term: LangDict | null
  groups: Array<{
    courseUnitId: string
    groupNumber: number
    courseName: LangDict | null
    classType: LangDict | null
  }>
  /** The soonest date still to come (from the mirror), or USOS's soonest_datetime. */
  soonest: string | null
  datesCount: number
  upcomingCount: number
}

/** A meeting with its comment and every date the mirror holds, in order. */
export interface MeetingView extends MeetingListItem {
  comment: LangDict
  dates: CalendarItem[]
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
  /** Exams of the examination sessions the user administers. */
  administered_exams: number
  meetings: number
  meeting_dates: number
  participants: number
  participant_lists_read: number
  /** Slip questions in the answerer's inbox, when it was read in this sync. */
  slipquestions: number
  outbox: { done: number; needsAttention: number; paused: string | null }
  /** The automatic ICS export after this sync, if it is on. */
  autoExport: { path: string; events: number | null; error: string | null } | null
}

export interface SyncProgressView {
  accountId: string
  phase: 'outbox' | 'meetings' | 'participants' | 'done' | 'failed' | 'cancelled'
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
  /** How many note instances (any faculty and term) the mirror holds about this person. */
  notesCount: number
}

export type NoteType = 'private' | 'public'

/** One note instance about a student: both texts for one faculty and term. */
export interface NoteHistoryEntry {
  id: string
  facultyId: string | null
  faculty: LangDict | null
  termId: string | null
  term: LangDict | null
  creationDate: string | null
  privateNote: string | null
  publicNote: string | null
  /** The instance for the faculty and term being edited. */
  current: boolean
  /** Written by the user (otherwise another staff member's public note). */
  own: boolean
}

/** The notes editor's state for one student, faculty and term. */
export interface StudentNotesView {
  facultyId: string
  termId: string
  userId: string
  /** USOS's id of the current note instance, once it has one. */
  noteId: string | null
  student: { firstName: string; lastName: string; studentNumber: string | null } | null
  private: { saved: string | null; draft: string | null; draftUpdatedAt: string | null }
  public: { saved: string | null; draft: string | null; draftUpdatedAt: string | null }
  /** A save or delete is waiting in the outbox. */
  pendingSave: boolean
  history: NoteHistoryEntry[]
  /** Set when the texts were just read from USOS; null when shown from the mirror (offline). */
  fetchedLive?: boolean
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
    /** Whose substantiations the meeting takes: this_faculty_only or this_faculty_and_parents. */
    substantiationMode: string | null
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
  /** An English one-line description (the UI shows its own, localized from kind and payload). */
  summary: string
  /** Whom the write concerns, by name, when the mirror knows. */
  subject: string | null
  /** The write's parameters (texts and numbers). */
  payload: Record<string, string>
  /** What USOS had when it refused the write: the other side of the conflict. */
  remote: Record<string, string | number | boolean | null> | null
  /** USOS's reason codes and localized messages for a refusal (the UI words them). */
  refusal: Refusal | null
  /** When the meeting date the write concerns starts (ISO), when the mirror knows it. */
  when: string | null
}

/** What USOS said when it refused a write: its reason codes and localized user_messages. */
export interface Refusal {
  reasons: string[]
  userMessages: { generic: LangDict | null } | null
}

/** Where a sign-up or an acceptance left the person, as USOS has it after the write. */
export interface Placement {
  name: string
  /** main, reserve, rejected, or not found on the date's list after the write. */
  list: 'main' | 'reserve' | 'rejected' | 'absent'
  status: string | null
  /** Place on the reserve list (USOS's number_in_queue). */
  place: number | null
  /** The main list was full (registered >= seats) when USOS put the person on the reserve list. */
  mainFull: boolean
}

export interface ActionResult {
  /** `done`: USOS confirmed; `queued`: offline or paused, it will be sent; `needs_attention`: USOS refused. */
  outcome: 'done' | 'queued' | 'needs_attention'
  message: string | null
  opId: string
  /** For a refusal: what USOS said, to be worded in the UI language. */
  refusal?: Refusal | null
  /** For a sign-up or acceptance USOS confirmed: where the person landed (the list read again). */
  placement?: Placement | null
}

export interface InstallationView {
  baseUrl: string
  name: LangDict
  version: string | null
  contactEmails: string[]
}

/** The USOS modules an installation may lack (BETA at USOS: not every university runs them). */
export type OptionalModuleName = 'slips' | 'exams'

/** Whether the active installation runs each optional module, as the last sync found it. */
export type ModuleAvailability = Record<OptionalModuleName, 'offered' | 'missing'>

/** A search for a person to sign up: the first matches, how many matched, and where it looked. */
export interface UserSearchView {
  users: Array<{ id: string; firstName: string; lastName: string; studentNumber: string | null }>
  /** How many matched (more than `users` holds when the list was cut). */
  total: number
  /** Whether USOS itself was searched (its API has no users search: only the local copy is). */
  searchedUsos: boolean
}

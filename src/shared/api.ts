/**
 * The one contract between the renderer and the main process. Every call the renderer may make
 * is named here with its result type, and its argument schema in api-inputs.ts (validated in main);
 * the preload bridge and the web harness's browser shim expose exactly these names, plus `on` for
 * the pushed events listed below.
 */
import type { z } from 'zod'
import type {
  AttendanceRowView,
  AttendanceSummaryView,
  ContactsView,
  ParticipantChangesView
} from './types-attendance'
import type { apiInputs } from './api-inputs'
import type { AppNotification } from './types-notifications'
import type { Envelope } from './errors'
import type {
  UserSearchView,
  SyncStateView,
  AccountsView,
  ModuleAvailability,
  AccountView,
  ActionResult,
  AppInfo,
  CalendarItem,
  InstallationView,
  LangDict,
  MeetingDateDetails,
  MeetingListItem,
  MeetingView,
  OutboxItemView,
  Settings,
  SignInStart,
  StudentNotesView,
  SubstantiationView,
  SyncProgressView,
  SyncSummaryView
} from './types'
import type { AdministeredSessionView, ExamGroupDetails, ExamView } from './types-exams'
import type { SlipsInboxView } from './types-slips'
import type { IssuedSlipView, TemplateView } from './types-slips-admin'
import type {
  AttendeeMeetingView,
  AttendeeOverview,
  AvailableMeetingView,
  Fetched,
  OpenDateView,
  PersonRef
} from './types-attendee'
import type {
  DraftCalendarItem,
  DraftCopyView,
  DraftPreview,
  DraftUsosMatchView,
  DraftView,
  PlannerTermView,
  FreeDayView,
  UsosWebParametersView
} from './types-planner'

export interface ApiResults {
  getAppInfo: AppInfo
  /** Which optional USOS modules (slips, exams) the active installation runs, as the last sync found. */
  installationModules: ModuleAvailability
  getSettings: Settings
  updateSettings: Settings
  getSyncState: SyncStateView

  listAccounts: AccountsView
  listInstallations: {
    installations: InstallationView[]
    fresh: boolean
    problem: string | null
    problemCode: 'installations_cached' | 'installations_none' | null
  }
  setActiveAccount: AccountsView
  startDemo: AccountView
  beginSignIn: SignInStart
  completeSignIn: AccountView
  signOut: { revoked: boolean }
  allowWeakSecretStorage: AccountsView

  sync: SyncSummaryView
  calendarRange: CalendarItem[]
  getMeetingDate: MeetingDateDetails
  /** Reads the date and its participants from USOS again; then getMeetingDate shows them. */
  refreshMeetingDate: { outcome: 'refreshed' | 'gone' | 'offline' }
  /** The date's participants with their attendance (kept on this computer only). */
  getAttendance: AttendanceRowView[]
  markAttendance: AttendanceRowView[]
  /** A student's attendance over one meeting's dates ("3 z 4 obecności"). */
  studentAttendance: AttendanceSummaryView
  /** One meeting's attendance per student over all its dates, as CSV ("3 z 4"). */
  exportMeetingAttendance: { fileName: string; text: string; mimeType: string }
  /** E-mail addresses and contact data of the chosen lists' participants (users' addresses need the email scope). */
  participantContacts: ContactsView
  getRejectionSubstantiations: SubstantiationView[]
  /** Stops a running sync; the mirror keeps every batch already written. */
  cancelSync: { cancelled: boolean }
  listMeetings: MeetingListItem[]
  getMeeting: MeetingView

  getStudentNotes: StudentNotesView
  saveNoteDraft: StudentNotesView
  discardNoteDraft: StudentNotesView
  saveNote: { result: ActionResult; notes: StudentNotesView }
  deleteNote: { result: ActionResult; notes: StudentNotesView }

  acceptParticipants: ActionResult[]
  rejectParticipants: ActionResult[]
  signUpUser: ActionResult
  signUpOutsidePerson: ActionResult
  searchUsers: UserSearchView

  exportIcs: { fileName: string; text: string; count: number }
  /** `text`, or for XLSX `base64` (a workbook is not text). */
  exportParticipants: { fileName: string; text: string; mimeType: string; base64?: string }
  /** `printed`: the desktop app printed (or saved the PDF); otherwise the page to print in the browser. */
  printParticipants: { printed: boolean; html: string | null; pdfPath: string | null }
  listOutbox: OutboxItemView[]
  /** Sends the queued changes now (the network is back); what is still waiting after it. */
  sendOutbox: { pending: number; needsAttention: number }
  retryOutbox: OutboxItemView[]
  discardOutbox: OutboxItemView[]

  // attendee side and colleagues
  attendeeOverview: Fetched<AttendeeOverview>
  attendeeMeeting: Fetched<AttendeeMeetingView>
  /** The meetings of one of the user's courses with meetings. */
  attendeeCourseMeetings: Fetched<AvailableMeetingView[]>
  colleagueLecturers: PersonRef[]
  colleagueDates: Fetched<{ lecturer: PersonRef; dates: OpenDateView[] }>
  signUpForDate: ActionResult
  signOffFromDate: ActionResult

  // clearance slips
  getSlipsInbox: SlipsInboxView
  refreshSlips: SlipsInboxView
  answerSlipQuestion: { result: ActionResult; inbox: SlipsInboxView }

  slipRoles: Record<string, boolean>
  listIssuedSlips: IssuedSlipView[]
  issuableTemplates: Array<{ id: string; name: string }>
  issueSlip: IssuedSlipView
  updateIssuedSlip: IssuedSlipView
  setExtraAnswerers: { saved: true }
  listEditableTemplates: TemplateView[]
  createSlipTemplate: TemplateView
  updateSlipTemplate: TemplateView
  deleteSlipTemplate: { deleted: true }
  addTemplateQuestion: TemplateView
  /** `forkedQuestionId`: USOS kept the old question (now obsolete) and made this new one. */
  updateTemplateQuestion: { template: TemplateView; forkedQuestionId: string | null }
  deleteTemplateQuestion: TemplateView

  // exams
  listExams: ExamView[]
  /** The examination sessions the user administers (exams/administrator), with all their exams. */
  listAdministeredExams: AdministeredSessionView[]
  getExamGroup: ExamGroupDetails
  exportExamAttendees: { fileName: string; text: string; mimeType: string }
  printExamAttendees: { printed: boolean; html: string | null; pdfPath: string | null }
  /** Administrative keys only: each user's status as USOS answers it. */
  batchExamRegistration: Array<{ userId: string; status: string }>

  // planner
  plannerOptions: {
    faculties: Array<{ id: string; name: LangDict }>
    meetings: Array<{ id: string; name: LangDict; facultyId: string | null }>
    /** The terms not yet over: USOS's (from the mirror) and the next ones assumed by the academic year. */
    terms: PlannerTermView[]
  }
  listFreeDays: FreeDayView[]
  addFreeDay: FreeDayView[]
  removeFreeDay: FreeDayView[]
  importFreeDays: { imported: number; days: FreeDayView[] }
  listDrafts: DraftView[]
  previewDraft: DraftPreview
  saveDraft: DraftView
  deleteDraft: DraftView[]
  /** A saved draft's rule over another term, saved as a new draft; the days edited by hand outside it left out. */
  copyDraft: DraftCopyView
  /** Which of a saved draft's dates USOS now has (after the lecturer created them in USOSweb), and what to type there. */
  matchDraftWithUsos: { match: DraftUsosMatchView; parameters: UsosWebParametersView }
  draftsRange: DraftCalendarItem[]
  exportDraft: { fileName: string; text: string; mimeType: string }
  printDraft: { printed: boolean; html: string | null; pdfPath: string | null }
}

export type ApiMethod = keyof typeof apiInputs & keyof ApiResults
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>

/** A call whose every argument is optional may be made with none. */
type Call<M extends ApiMethod, R> =
  Record<string, never> extends ApiInput<M>
    ? (input?: ApiInput<M>) => Promise<R>
    : (input: ApiInput<M>) => Promise<R>

/** What `window.api` offers in the renderer (after unwrapping, see bridge.ts). */
export type Api = { [M in ApiMethod]: Call<M, ApiResults[M]> } & {
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

/** What main implements: the same calls, receiving validated input. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiResults[M]> }

/** Every call's name, listed once more at run time so the bridge need not bundle the schemas. */
export const apiMethods = [
  'getAppInfo',
  'installationModules',
  'getSettings',
  'updateSettings',
  'getSyncState',
  'listAccounts',
  'listInstallations',
  'setActiveAccount',
  'startDemo',
  'beginSignIn',
  'completeSignIn',
  'signOut',
  'allowWeakSecretStorage',
  'sync',
  'calendarRange',
  'getMeetingDate',
  'refreshMeetingDate',
  'getAttendance',
  'markAttendance',
  'studentAttendance',
  'exportMeetingAttendance',
  'participantContacts',
  'getRejectionSubstantiations',
  'cancelSync',
  'listMeetings',
  'getMeeting',
  'getStudentNotes',
  'saveNoteDraft',
  'discardNoteDraft',
  'saveNote',
  'deleteNote',
  'acceptParticipants',
  'rejectParticipants',
  'signUpUser',
  'signUpOutsidePerson',
  'searchUsers',
  'exportIcs',
  'exportParticipants',
  'printParticipants',
  'listOutbox',
  'sendOutbox',
  'retryOutbox',
  'discardOutbox',
  'attendeeOverview',
  'attendeeMeeting',
  'attendeeCourseMeetings',
  'colleagueLecturers',
  'colleagueDates',
  'signUpForDate',
  'signOffFromDate',
  'getSlipsInbox',
  'refreshSlips',
  'answerSlipQuestion',
  'slipRoles',
  'listIssuedSlips',
  'issuableTemplates',
  'issueSlip',
  'updateIssuedSlip',
  'setExtraAnswerers',
  'listEditableTemplates',
  'createSlipTemplate',
  'updateSlipTemplate',
  'deleteSlipTemplate',
  'addTemplateQuestion',
  'updateTemplateQuestion',
  'deleteTemplateQuestion',
  'listExams',
  'listAdministeredExams',
  'getExamGroup',
  'exportExamAttendees',
  'printExamAttendees',
  'batchExamRegistration',
  'plannerOptions',
  'listFreeDays',
  'addFreeDay',
  'removeFreeDay',
  'importFreeDays',
  'listDrafts',
  'previewDraft',
  'saveDraft',
  'deleteDraft',
  'copyDraft',
  'matchDraftWithUsos',
  'draftsRange',
  'exportDraft',
  'printDraft'
] as const satisfies readonly ApiMethod[]
// Fails to compile when a schema in api-inputs.ts has no name in the list above.
const everyMethodListed: Exclude<ApiMethod, (typeof apiMethods)[number]> extends never ? true : false = true
void everyMethodListed

/** Pushes from main to the renderer. */
export interface ApiEvents {
  settingsChanged: Settings
  syncProgress: SyncProgressView
  outboxChanged: { accountId: string; pending: number; needsAttention: number }
  /** USOS refused the account's token: sign in again (nothing is lost). */
  signInNeeded: { accountId: string; baseUrl: string }
  /** A loopback-callback sign-in finished in the browser. */
  signInCompleted: AccountView
  accountsChanged: AccountsView
  /** After a sync: who signed up anew, who moved from the reserve to the main list (for notifications). */
  participantsChanged: ParticipantChangesView & { accountId: string }
  /** Something to tell the lecturer (new sign-ups, moves to the main list, a reminder): a toast unless the system showed it. */
  notification: AppNotification
  /** The lecturer clicked a system notification about one date: the window opens it. */
  openMeetingDate: { meetingDateId: string }
}
export type ApiEventName = keyof ApiEvents
export const apiEventNames: ApiEventName[] = [
  'settingsChanged',
  'syncProgress',
  'outboxChanged',
  'signInNeeded',
  'signInCompleted',
  'accountsChanged',
  'participantsChanged',
  'notification',
  'openMeetingDate'
]

/** The IPC channel names: one per method, so a handler can be checked and removed by name. */
export const ipcChannel = (method: ApiMethod): string => `api:${method}`
export const ipcEventChannel = 'api-event'

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (apiMethods as readonly string[]).includes(name)
}

/**
 * What the preload bridge (and the web harness's shim) puts on `window.api`: the same calls,
 * answering envelopes, because an Error crossing contextBridge keeps only its message. The
 * renderer unwraps them into values and AppErrors (see bridge.ts `unwrapApi`).
 */
export type BridgeApi = { [M in ApiMethod]: Call<M, Envelope<ApiResults[M]>> } & {
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

/**
 * Argument schemas of the API contract (see api.ts), validated in main at the boundary. Kept
 * apart from api.ts so that the preload and the renderer do not bundle zod.
 */
import { z } from 'zod'
import { COLUMN_NAMES, LIST_NAMES } from './participant-lists'
import { CALENDAR_DAY_RULE, isCalendarDay } from './dates'
import { ICS_ALARM_MINUTES, REMINDER_MINUTES, isIcsFilePath } from './reminders'

const languageSchema = z.enum(['pl', 'en'])
const day = z.string().refine(isCalendarDay, CALENDAR_DAY_RULE)
const id = z.string().trim().min(1).max(64)
const none = z.object({}).strict()
const text = (max: number) => z.string().max(max)
const noteScope = z.object({ userId: id, facultyId: id, termId: id })
const draftInput = z
  .object({
    name: z.string().trim().min(1, 'give the draft a name').max(200),
    meetingId: id.nullable().optional(),
    facultyId: id.nullable().optional(),
    startDate: day,
    endDate: day,
    number: z.number().int().min(1).max(5000),
    frequency: z.enum([
      'daily',
      'weekly',
      'week_days',
      'weekends',
      'biweekly_odd',
      'biweekly_even',
      'monthly'
    ]),
    weekDay: z.number().int().min(1).max(7).nullable().optional(),
    startEven: z.boolean().optional(),
    useCalendar: z.boolean().optional(),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM'),
    durationMin: z
      .number()
      .int()
      .min(5)
      .max(12 * 60),
    room: text(200).nullable().optional(),
    comment: text(2000).nullable().optional(),
    addedDays: z.array(day).max(1000).optional(),
    removedDays: z.array(day).max(1000).optional()
  })
  .strict()
const noteType = z.enum(['private', 'public'])
/** The lists and columns a lecturer chooses for a printed or saved list (see participant-lists.ts). */
const listChoice = {
  lists: z.array(z.enum(LIST_NAMES)).min(1).max(LIST_NAMES.length).optional(),
  columns: z.array(z.enum(COLUMN_NAMES)).min(1).max(COLUMN_NAMES.length).optional()
}

export const apiInputs = {
  getAppInfo: none,
  installationModules: none,
  getSettings: none,
  updateSettings: z
    .object({
      language: languageSchema.optional(),
      theme: z.enum(['system', 'light', 'dark']).optional(),
      autoExportIcsPath: z
        .string()
        .trim()
        .max(1000)
        .refine(isIcsFilePath, 'must be a path ending in .ics')
        .nullable()
        .optional(),
      autoSyncMinutes: z.number().int().min(0).max(1440).optional(),
      icsAlarmMinutes: z.literal(ICS_ALARM_MINUTES).nullable().optional(),
      notifySignUps: z.boolean().optional(),
      notifyPromotions: z.boolean().optional(),
      reminderMinutes: z.literal(REMINDER_MINUTES).optional()
    })
    .strict(),
  getSyncState: none,

  listAccounts: none,
  listInstallations: z.object({ source: z.string().url().max(300).optional() }).strict(),
  setActiveAccount: z.object({ accountId: id }).strict(),
  startDemo: z
    .object({ role: z.enum(['lecturer', 'student', 'template_admin', 'administrator']).optional() })
    .strict(),
  beginSignIn: z
    .object({
      baseUrl: z.string().trim().min(1).max(300),
      consumerKey: z.string().trim().min(1).max(200),
      consumerSecret: z.string().trim().min(1).max(200),
      scopes: z.array(z.string().regex(/^[a-z_]+$/)).max(20),
      flow: z.enum(['pin', 'loopback'])
    })
    .strict(),
  completeSignIn: z.object({ pendingId: id, pin: z.string().trim().min(1).max(100) }).strict(),
  signOut: z.object({ accountId: id, discardPendingWrites: z.boolean().optional() }).strict(),
  allowWeakSecretStorage: none,

  sync: z.object({ full: z.boolean().optional() }).strict(),
  calendarRange: z.object({ from: day, to: day }).strict(),
  getMeetingDate: z.object({ meetingDateId: id }).strict(),
  refreshMeetingDate: z.object({ meetingDateId: id }).strict(),
  getAttendance: z.object({ meetingDateId: id }).strict(),
  markAttendance: z
    .object({
      meetingDateId: id,
      marks: z
        .array(
          z.object({ participantId: id, state: z.enum(['present', 'absent', 'late']).nullable() }).strict()
        )
        .min(1)
        .max(500)
    })
    .strict(),
  studentAttendance: z.object({ userId: id, meetingId: id.optional() }).strict(),
  exportMeetingAttendance: z.object({ meetingId: id, language: languageSchema }).strict(),
  participantContacts: z
    .object({
      meetingDateId: id,
      lists: z.array(z.enum(LIST_NAMES)).min(1).max(LIST_NAMES.length)
    })
    .strict(),
  getRejectionSubstantiations: z
    .object({
      facultyId: id,
      /** Also the parent units' (the meeting's substantiation_mode); default: yes. */
      withParents: z.boolean().optional()
    })
    .strict(),
  cancelSync: none,
  listMeetings: none,
  getMeeting: z.object({ meetingId: id }).strict(),

  getStudentNotes: noteScope.extend({ live: z.boolean().optional() }).strict(),
  saveNoteDraft: noteScope.extend({ noteType, content: text(4000) }).strict(),
  discardNoteDraft: noteScope.extend({ noteType }).strict(),
  saveNote: noteScope.extend({ noteType, content: text(4000) }).strict(),
  deleteNote: noteScope.extend({ noteType }).strict(),

  acceptParticipants: z
    .object({ participantIds: z.array(id).min(1).max(200), messageLang: languageSchema.optional() })
    .strict(),
  rejectParticipants: z
    .object({
      participantIds: z.array(id).min(1).max(200),
      substantiationId: id.optional(),
      message: text(2000).optional(),
      messageLang: languageSchema.optional()
    })
    .strict(),
  signUpUser: z
    .object({
      meetingDateId: id,
      userId: id,
      status: z.enum(['accepted', 'waiting']).optional(),
      substantiationId: id.optional(),
      substantiationMessage: text(2000).optional()
    })
    .strict(),
  signUpOutsidePerson: z
    .object({
      meetingDateId: id,
      firstName: z.string().trim().min(1).max(100),
      lastName: z.string().trim().min(1).max(100),
      email: z.string().trim().email().max(200).optional(),
      contact: text(500).optional(),
      status: z.enum(['accepted', 'waiting']).optional(),
      substantiationId: id.optional(),
      substantiationMessage: text(2000).optional()
    })
    .strict(),
  searchUsers: z.object({ query: z.string().trim().min(1).max(100) }).strict(),

  exportIcs: z
    .object({
      from: day.optional(),
      to: day.optional(),
      meetingId: id.optional(),
      withParticipants: z.boolean().optional(),
      /** With the planner's drafts in the range, as the calendar shows them. */
      drafts: z.boolean().optional()
    })
    .strict(),
  exportParticipants: z
    .object({
      meetingDateId: id,
      format: z.enum(['csv', 'html', 'xlsx']),
      language: languageSchema,
      ...listChoice
    })
    .strict(),
  printParticipants: z
    .object({ meetingDateId: id, language: languageSchema, pdf: z.boolean().optional(), ...listChoice })
    .strict(),
  listOutbox: none,
  sendOutbox: none,
  retryOutbox: z.object({ opId: id }).strict(),
  discardOutbox: z.object({ opId: id }).strict(),

  // attendee side and colleagues
  attendeeOverview: none,
  attendeeMeeting: z.object({ meetingId: id }).strict(),
  attendeeCourseMeetings: z.object({ courseId: id }).strict(),
  colleagueLecturers: none,
  colleagueDates: z.object({ lecturerId: id }).strict(),
  signUpForDate: z
    .object({ meetingDateId: id, substantiationId: id, message: text(2000).optional() })
    .strict(),
  signOffFromDate: z.object({ meetingDateId: id, messageLang: languageSchema.optional() }).strict(),

  // clearance slips
  getSlipsInbox: none,
  refreshSlips: none,
  answerSlipQuestion: z.object({ sqId: id, answer: text(2000) }).strict(),

  slipRoles: none,
  listIssuedSlips: z.object({ state: z.enum(['active', 'closed']).optional() }).strict(),
  issuableTemplates: none,
  issueSlip: z.object({ tplId: id, clientUserId: id }).strict(),
  updateIssuedSlip: z
    .object({
      slipId: id,
      state: z.enum(['active', 'closed']).optional(),
      issuersComment: text(2000).optional(),
      questionIds: z.array(id).max(200).optional()
    })
    .strict(),
  setExtraAnswerers: z.object({ sqId: id, userIds: z.array(id).max(50) }).strict(),
  listEditableTemplates: none,
  createSlipTemplate: z
    .object({ facultyId: id, name: z.string().trim().min(1).max(200), lang: languageSchema })
    .strict(),
  updateSlipTemplate: z
    .object({
      tplId: id,
      name: z.string().trim().max(200).optional(),
      state: z.enum(['draft', 'active', 'obsolete']).optional(),
      questionsOrder: z.array(id).max(200).optional(),
      connectedTplIds: z.array(id).max(50).optional()
    })
    .strict(),
  deleteSlipTemplate: z.object({ tplId: id }).strict(),
  addTemplateQuestion: z.object({ tplId: id, question: z.string().max(500) }).strict(),
  updateTemplateQuestion: z
    .object({
      tplId: id,
      questionId: id,
      question: text(500).optional(),
      descForAnswerers: text(4000).optional(),
      quickAnswers: text(1000).optional(),
      isObsolete: z.boolean().optional(),
      isMeaningChanged: z.boolean().optional()
    })
    .strict(),
  deleteTemplateQuestion: z.object({ tplId: id, questionId: id }).strict(),

  // exams
  listExams: none,
  listAdministeredExams: none,
  getExamGroup: z.object({ examId: id, groupNumber: z.number().int().min(0) }).strict(),
  exportExamAttendees: z
    .object({
      examId: id,
      groupNumber: z.number().int().min(0),
      slotNumber: z.number().int().min(0).optional(),
      format: z.enum(['csv', 'html']),
      language: languageSchema
    })
    .strict(),
  printExamAttendees: z
    .object({
      examId: id,
      groupNumber: z.number().int().min(0),
      slotNumber: z.number().int().min(0).optional(),
      language: languageSchema,
      pdf: z.boolean().optional()
    })
    .strict(),

  batchExamRegistration: z
    .object({
      examId: id,
      groupNumber: z.number().int().min(0),
      slot: z.number().int().min(1),
      userIds: z.array(z.string().trim().max(20)).min(1).max(500),
      action: z.enum(['register', 'unregister'])
    })
    .strict(),

  // planner
  plannerOptions: none,
  listFreeDays: z.object({ facultyId: id.optional() }).strict(),
  addFreeDay: z.object({ facultyId: id, day, reason: text(200) }).strict(),
  removeFreeDay: z.object({ facultyId: id, day }).strict(),
  importFreeDays: z.object({ facultyId: id, icsText: z.string().max(5_000_000) }).strict(),
  listDrafts: none,
  previewDraft: z.object({ id: id.optional(), draft: draftInput }).strict(),
  saveDraft: z.object({ id: id.optional(), draft: draftInput }).strict(),
  deleteDraft: z.object({ id }).strict(),
  copyDraft: z.object({ id, termId: id, language: languageSchema }).strict(),
  matchDraftWithUsos: z.object({ id }).strict(),
  draftsRange: z.object({ from: day, to: day }).strict(),
  exportDraft: z.object({ id, format: z.enum(['ics', 'csv', 'html']), language: languageSchema }).strict(),
  printDraft: z.object({ id, language: languageSchema, pdf: z.boolean().optional() }).strict()
} as const

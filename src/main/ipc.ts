/**
 * The API contract implemented once, as a plain object of async functions, and the boundary
 * that every caller goes through (Electron's ipcMain in electron-ipc.ts, the web harness in
 * web.ts): the method name is checked, the input validated, and any failure answered in the one
 * error shape. No Electron import here, so the same code runs under plain Node.
 */
import { draftsInRange } from '../core/planner/drafts'
import { isApiMethod, type ApiHandlers, type ApiMethod } from '../shared/api'
import { apiInputs } from '../shared/api-inputs'
import { AppError, type Envelope } from '../shared/errors'
import type { AccountsView } from '../shared/types'
import { APP_SCOPES } from '../core/accounts/types'
import { startLoopbackCallback } from '../core/accounts/loopback'
import { MOTHER_SERVER, listInstallations } from '../core/accounts/installations'
import type { AppContext } from '../core/app/context'
import { INSTALLATION_ZONE, OfficeHours, toAccountView } from '../core/app/office-hours'
import { signOutAccount } from '../core/app/sign-out'
import { buildIcs } from '../core/export/ics'
import {
  dateAttendance,
  markAttendance,
  meetingAttendance,
  studentAttendance
} from '../core/office-hours/attendance'
import { meetingAttendanceCsv } from '../core/export/attendance'
import { participantListCsv, participantListHtml } from '../core/export/participants'
import {
  DEFAULT_COLUMNS,
  DEFAULT_LISTS,
  participantTableCsv,
  participantTableHtml,
  participantTableOf,
  participantTableXlsx
} from '../core/export/participant-lists'
import { meetingsHandlers } from './handlers/meetings'
import { plannerHandlers } from './handlers/planner'
import { examsHandlers } from './handlers/exams'
import { attendeeHandlers } from './handlers/attendee'
import { slipsHandlers } from './handlers/slips'
import { printThrough, printedAt, type HandlerHooks } from './handlers/hooks'

const DEMO_NAME = { pl: 'Instalacja demonstracyjna', en: 'Demo installation' }

export type { HandlerHooks }

export function createApiHandlers(ctx: AppContext, hooks: HandlerHooks = {}): ApiHandlers {
  const officeHours = new OfficeHours(ctx)

  const accountsView = (): AccountsView => {
    const activeId = ctx.accounts.active()?.id ?? null
    return {
      accounts: ctx.accounts.list().map((a) => toAccountView(a, activeId)),
      secretStorage: ctx.secrets.status()
    }
  }
  const announceAccounts = () => ctx.events.emit('accountsChanged', accountsView())
  const viewOf = (id: string) => {
    const view = accountsView().accounts.find((a) => a.id === id)
    if (!view) throw new AppError('not_found', 'No such account.', undefined, { key: 'noSuchAccount' })
    return view
  }

  return {
    ...meetingsHandlers(ctx, officeHours),
    ...plannerHandlers(ctx, officeHours, hooks),
    ...examsHandlers(ctx, officeHours, hooks),
    ...attendeeHandlers(ctx, officeHours),
    ...slipsHandlers(ctx, officeHours),
    async getAppInfo() {
      // Open the active account's mirror now, so that a quarantine of it is told at start.
      const active = ctx.accounts.active()
      if (active)
        try {
          ctx.mirrors.get(active.id)
        } catch {
          /* reported by the first call that needs it */
        }
      return {
        name: 'USOS Office Hours',
        version: ctx.version,
        dataDir: ctx.dataDir,
        shell: ctx.shell === 'electron' ? 'electron' : 'web',
        timeZone: INSTALLATION_ZONE,
        schemaVersion: ctx.schemaVersion,
        now: ctx.now().toISOString(),
        quarantined: [...(ctx.quarantinedTo ? [ctx.quarantinedTo] : []), ...ctx.mirrors.quarantined.values()]
      }
    },
    async getSettings() {
      return ctx.settings.get()
    },
    async updateSettings(patch) {
      const settings = ctx.settings.update(patch)
      ctx.events.emit('settingsChanged', settings)
      return settings
    },

    async getSyncState() {
      return officeHours.syncState()
    },

    async listAccounts() {
      return accountsView()
    },
    async listInstallations({ source }) {
      return listInstallations(ctx.db, source ?? MOTHER_SERVER)
    },
    async setActiveAccount({ accountId }) {
      ctx.accounts.setActive(accountId)
      announceAccounts()
      return accountsView()
    },
    async startDemo({ role }) {
      if (!ctx.demo)
        throw new AppError('internal', 'The demo installation is not available in this build.', undefined, {
          key: 'noDemo'
        })
      const demo = await ctx.demo.start()
      const { pendingId, authorizeUrl } = await ctx.accounts.beginSignIn({
        baseUrl: demo.baseUrl,
        consumerKey: demo.consumerKey,
        consumerSecret: demo.consumerSecret,
        scopes: [...APP_SCOPES],
        callback: 'oob',
        institutionName: DEMO_NAME,
        isDemo: true
      })
      const requestToken = new URL(authorizeUrl).searchParams.get('oauth_token') ?? ''
      const verifier = await ctx.demo.approve(requestToken, role ?? 'lecturer')
      const account = await ctx.accounts.completeSignIn(pendingId, verifier)
      announceAccounts()
      return viewOf(account.id)
    },
    async beginSignIn(input) {
      const common = {
        baseUrl: input.baseUrl,
        consumerKey: input.consumerKey,
        consumerSecret: input.consumerSecret,
        scopes: input.scopes
      }
      if (input.flow === 'pin') {
        const started = await ctx.accounts.beginSignIn({ ...common, callback: 'oob' })
        hooks.openExternal?.(started.authorizeUrl)
        return started
      }
      const loopback = await startLoopbackCallback()
      try {
        const started = await ctx.accounts.beginSignIn({ ...common, callback: loopback.url })
        hooks.openExternal?.(started.authorizeUrl)
        void loopback.result
          .then(
            async ({ verifier }) => {
              const account = await ctx.accounts.completeSignIn(started.pendingId, verifier)
              ctx.events.emit('signInCompleted', viewOf(account.id))
              announceAccounts()
            },
            () => {}
          )
          .catch((error: unknown) => {
            // A background step: its failure is reported, never an unhandled rejection (the
            // window's sign-in page stays open to start again).
            process.stderr.write(
              `sign-in did not complete: ${error instanceof Error ? error.message : String(error)}\n`
            )
          })
        return started
      } catch (error) {
        loopback.close()
        throw error
      }
    },
    async completeSignIn({ pendingId, pin }) {
      const account = await ctx.accounts.completeSignIn(pendingId, pin)
      announceAccounts()
      return viewOf(account.id)
    },
    async signOut({ accountId, discardPendingWrites }) {
      const result = await signOutAccount(
        ctx,
        accountId,
        discardPendingWrites ? { discardPendingWrites } : {}
      )
      announceAccounts()
      return result
    },
    async allowWeakSecretStorage() {
      ctx.secrets.allowWeakStorage()
      return accountsView()
    },

    async sync({ full }) {
      return officeHours.sync(full ? { full } : {})
    },
    async calendarRange({ from, to }) {
      if (to <= from)
        throw new AppError('invalid_argument', '"to" must be after "from".', undefined, { key: 'badRange' })
      return officeHours.calendar(from, to)
    },
    async getMeetingDate({ meetingDateId }) {
      return officeHours.meetingDate(meetingDateId)
    },
    async refreshMeetingDate({ meetingDateId }) {
      return officeHours.refreshMeetingDate(meetingDateId)
    },
    async getAttendance({ meetingDateId }) {
      return dateAttendance(officeHours.mirror(), meetingDateId)
    },
    async markAttendance({ meetingDateId, marks }) {
      return markAttendance(officeHours.mirror(), meetingDateId, marks, ctx.now())
    },
    async studentAttendance({ userId, meetingId }) {
      return studentAttendance(officeHours.mirror(), userId, meetingId)
    },
    async exportMeetingAttendance({ meetingId, language }) {
      return {
        fileName: `${language === 'pl' ? 'obecnosc' : 'attendance'}-${meetingId.replace(/[^\w-]+/g, '-')}.csv`,
        text: meetingAttendanceCsv(meetingAttendance(officeHours.mirror(), meetingId), language),
        mimeType: 'text/csv;charset=utf-8'
      }
    },
    async participantContacts({ meetingDateId, lists }) {
      return officeHours.participantContacts(meetingDateId, lists)
    },
    async installationModules() {
      return ctx.accounts.active() ? officeHours.modules() : { slips: 'offered', exams: 'offered' }
    },
    async getRejectionSubstantiations({ facultyId, withParents }) {
      return officeHours.rejectionSubstantiations(facultyId, withParents !== false)
    },

    async acceptParticipants({ participantIds, messageLang }) {
      const results = []
      const written = []
      for (const id of participantIds) {
        const dateId = officeHours.participantDate(id)
        const result = await officeHours.write('accept_participant', {
          participant_id: id,
          ...(messageLang ? { message_lang_code: messageLang } : {})
        })
        written.push({ id, dateId, result })
      }
      // Then each date read again once, and every person found on it.
      const read = new Map<string, boolean>()
      for (const { id, dateId, result } of written)
        results.push({
          ...result,
          placement: dateId ? await officeHours.placement(result, dateId, { participantId: id }, read) : null
        })
      return results
    },
    async rejectParticipants({ participantIds, substantiationId, message, messageLang }) {
      const results = []
      for (const id of participantIds) {
        results.push(
          await officeHours.write('reject_participant', {
            participant_id: id,
            ...(substantiationId ? { substantiation_id: substantiationId } : {}),
            ...(message ? { substantiation_message: message } : {}),
            ...(messageLang ? { message_lang_code: messageLang } : {})
          })
        )
      }
      return results
    },
    async signUpUser(input) {
      const result = await officeHours.write('sign_up_specific_user', {
        meeting_date_id: input.meetingDateId,
        user_id: input.userId,
        ...(input.status ? { status: input.status } : {}),
        ...(input.substantiationId ? { substantiation_id: input.substantiationId } : {}),
        ...(input.substantiationMessage ? { substantiation_message: input.substantiationMessage } : {})
      })
      return {
        ...result,
        placement: await officeHours.placement(result, input.meetingDateId, { userId: input.userId })
      }
    },
    async signUpOutsidePerson(input) {
      const result = await officeHours.write('sign_up_non_usos_person', {
        meeting_date_id: input.meetingDateId,
        first_name: input.firstName,
        last_name: input.lastName,
        ...(input.email ? { email: input.email } : {}),
        ...(input.contact ? { contact_data: input.contact } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.substantiationId ? { substantiation_id: input.substantiationId } : {}),
        ...(input.substantiationMessage ? { substantiation_message: input.substantiationMessage } : {})
      })
      return {
        ...result,
        placement: await officeHours.placement(result, input.meetingDateId, {
          ...(input.email ? { email: input.email } : {}),
          firstName: input.firstName,
          lastName: input.lastName
        })
      }
    },
    async searchUsers({ query }) {
      return officeHours.searchUsers(query)
    },

    async exportIcs({ from, to, meetingId, withParticipants, drafts }) {
      const account = officeHours.account()
      const { text, count } = buildIcs(officeHours.mirror(), {
        ...(drafts && !meetingId
          ? { drafts: draftsInRange(officeHours.mirror(), from ?? '0000-01-01', to ?? '9999-12-31') }
          : {}),
        uidDomain: new URL(account.baseUrl).hostname,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(meetingId ? { meetingId } : {}),
        withParticipants: withParticipants === true,
        language: ctx.settings.get().language,
        alarmMinutes: ctx.settings.get().icsAlarmMinutes,
        now: ctx.now
      })
      const scope = `${meetingId ? `-meeting-${meetingId}` : ''}${from ? `-${from}` : ''}${to ? `-${to}` : ''}`
      return { fileName: `office-hours${scope}.ics`, text, count }
    },
    async exportParticipants({ meetingDateId, format, language, lists, columns }) {
      const details = officeHours.meetingDate(meetingDateId)
      const base = `participants-${details.item.start.slice(0, 10)}-${meetingDateId}`
      if (lists || columns || format === 'xlsx') {
        const table = participantTableOf(officeHours.mirror(), meetingDateId, {
          lists: lists ?? DEFAULT_LISTS,
          columns: columns ?? DEFAULT_COLUMNS,
          language
        })
        if (format === 'xlsx')
          return {
            fileName: `${base}.xlsx`,
            text: '',
            base64: (await participantTableXlsx(table, language)).toString('base64'),
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          }
        return format === 'csv'
          ? {
              fileName: `${base}.csv`,
              text: participantTableCsv(table, language),
              mimeType: 'text/csv;charset=utf-8'
            }
          : {
              fileName: `${base}.html`,
              text: participantTableHtml(table, language, printedAt(ctx.now(), language)),
              mimeType: 'text/html;charset=utf-8'
            }
      }
      return format === 'csv'
        ? {
            fileName: `${base}.csv`,
            text: participantListCsv(details, language),
            mimeType: 'text/csv;charset=utf-8'
          }
        : {
            fileName: `${base}.html`,
            text: participantListHtml(details, language, printedAt(ctx.now(), language)),
            mimeType: 'text/html;charset=utf-8'
          }
    },
    async printParticipants({ meetingDateId, language, pdf, lists, columns }) {
      const details = officeHours.meetingDate(meetingDateId)
      const title = `${details.item.start.slice(0, 10)} ${details.meeting.name[language] ?? ''}`.trim()
      const stamp = printedAt(ctx.now(), language)
      const html =
        lists || columns
          ? participantTableHtml(
              participantTableOf(officeHours.mirror(), meetingDateId, {
                lists: lists ?? DEFAULT_LISTS,
                columns: columns ?? DEFAULT_COLUMNS,
                language
              }),
              language,
              stamp
            )
          : participantListHtml(details, language, stamp)
      return printThrough(hooks, html, {
        pdf: pdf === true,
        title
      })
    },
    async listOutbox() {
      return officeHours.outbox()
    },
    async sendOutbox() {
      return officeHours.sendOutbox()
    },
    async retryOutbox({ opId }) {
      return officeHours.retry(opId)
    },
    async discardOutbox({ opId }) {
      return officeHours.discard(opId)
    }
  }
}

function toErrorShape(error: unknown): AppError {
  if (error instanceof AppError) return error
  // Unexpected failures keep their message for the log but cross as `internal`.
  const message = error instanceof Error ? error.message : String(error)
  return new AppError('internal', `Something went wrong inside the app: ${message}`)
}

/** Validates and runs one call; never throws. */
export async function callApi(
  handlers: ApiHandlers,
  method: unknown,
  input: unknown
): Promise<Envelope<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `No such call: ${String(method)}` } }
  }
  const parsed = apiInputs[method].safeParse(input ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_argument',
        message: `Invalid arguments for ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))
      }
    }
  }
  try {
    const run = handlers[method] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await run(parsed.data) }
  } catch (error) {
    return { ok: false, error: toErrorShape(error).toShape() }
  }
}

export type { ApiMethod }

/**
 * What the window (and the CLI) do with the active account: sync, read the mirror, make writes
 * through the outbox. Plain TypeScript over the AppContext; the IPC handlers are thin over this.
 */
import { setMaxListeners } from 'node:events'
import { addDays, format } from 'date-fns'
import { TZDate } from '@date-fns/tz'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type {
  ActionResult,
  ParticipantView,
  Placement,
  UserSearchView,
  SyncStateView,
  AccountView,
  OutboxItemView,
  SyncProgressView,
  SyncSummaryView
} from '../../shared/types'
import type { Account } from '../accounts/types'
import { calendarWithExams } from '../mirror/calendar'
import { stmt } from '../mirror/statements'
import { buildIcs } from '../export/ics'
import { writeFileAtomic } from '../fs/atomic'
import { meetingDateDetails } from '../office-hours/details'
import { rejectionSubstantiations } from '../office-hours/substantiations'
import { participantContacts } from '../office-hours/contacts'
import type { ParticipantListName } from '../../shared/participant-lists'
import { searchMirrorUsers } from '../office-hours/users-search'
import { drainOutbox, type DrainResult } from '../outbox/sender'
import { Outbox, type OutboxEntry } from '../outbox/queue'
import type { OperationKind, OperationPayload } from '../outbox/operations'
import { syncMeetings, type UsosCaller } from '../sync/engine'
import { isUsosError } from '../usos/errors'
import { syncExamGroups } from '../sync/exams'
import { refreshMeetingDate } from '../sync/refresh-date'
import { isOffline } from './live-read'
import { syncSlips } from '../sync/slips'
import { moduleAvailability, optionalModuleStep } from '../sync/modules'
import { participantChanges, participantsWrittenTo, snapshotParticipants } from '../sync/participant-changes'
import { usosDateTime } from '../schedule/timed'
import type { AppContext } from './context'
import { takeProfileLock } from './profile-lock'
import { mirrorFile } from './paths'
import { storageError } from '../store/db'

export const INSTALLATION_ZONE = 'Europe/Warsaw'

/** Whom to look for on a date's lists after a write: by participant, USOS user, or outside person. */
export interface PlacementWho {
  participantId?: string
  userId?: string
  email?: string
  firstName?: string
  lastName?: string
}
/** How old the slips inbox may be before an ordinary sync reads it again. */
export const SLIPS_INTERVAL_MS = 10 * 60 * 1000
/** The window of dates kept in step: six weeks back, half a year ahead. */
const WINDOW_BACK_DAYS = 42
const WINDOW_AHEAD_DAYS = 183

export function syncWindow(now: Date): { from: string; to: string } {
  const today = new TZDate(now.getTime(), INSTALLATION_ZONE)
  return {
    from: format(addDays(today, -WINDOW_BACK_DAYS), 'yyyy-MM-dd'),
    to: format(addDays(today, WINDOW_AHEAD_DAYS), 'yyyy-MM-dd')
  }
}

export function toAccountView(a: Account, activeId: string | null): AccountView {
  return {
    id: a.id,
    baseUrl: a.baseUrl,
    institutionName: a.institutionName,
    userId: a.userId,
    firstName: a.firstName,
    lastName: a.lastName,
    scopes: a.scopes,
    isDemo: a.isDemo,
    needsSignIn: a.needsSignIn,
    active: a.id === activeId
  }
}

function isUnauthorized(error: unknown): boolean {
  const e = error as { kind?: unknown; status?: unknown; code?: unknown }
  return e?.kind === 'unauthorized' || e?.status === 401 || e?.code === 'not_signed_in'
}

const SUMMARIES: Record<string, (p: Record<string, unknown>) => string> = {
  accept_participant: (p) => `Accept participant ${String(p.participant_id)}`,
  reject_participant: (p) => `Reject participant ${String(p.participant_id)}`,
  sign_up_specific_user: (p) => `Sign up user ${String(p.user_id)} for date ${String(p.meeting_date_id)}`,
  sign_up_non_usos_person: (p) =>
    `Sign up ${String(p.first_name)} ${String(p.last_name)} for date ${String(p.meeting_date_id)}`,
  put_note: (p) => `Save a ${String(p.note_type)} note about user ${String(p.user_id)}`,
  delete_note: (p) => `Delete a ${String(p.note_type)} note`,
  answer_slipquestion: (p) => `Answer slip question ${String(p.sq_id)}: ${String(p.answer)}`,
  sign_up: (p) => `Sign up for meeting date ${String(p.meeting_date_id)}`,
  sign_off: (p) => `Sign off from meeting date ${String(p.meeting_date_id)}`
}

/** Who a write concerns, by name, from the mirror (the outbox itself holds only ids). */
function outboxSubject(db: Database.Database, p: Record<string, unknown>): string | null {
  const name = (r: { first_name: string | null; last_name: string | null } | undefined) =>
    r ? [r.first_name, r.last_name].filter(Boolean).join(' ') || null : null
  if (typeof p.participant_id === 'string')
    return name(
      stmt(
        db,
        `SELECT COALESCE(u.first_name, p.external_first_name) AS first_name,
                COALESCE(u.last_name, p.external_last_name) AS last_name
         FROM participants p LEFT JOIN users u ON u.id = p.user_id WHERE p.id = ?`
      ).get(p.participant_id) as { first_name: string | null; last_name: string | null } | undefined
    )
  if (typeof p.user_id === 'string')
    return (
      name(
        stmt(db, 'SELECT first_name, last_name FROM users WHERE id = ?').get(p.user_id) as
          { first_name: string | null; last_name: string | null } | undefined
      ) ?? `#${p.user_id}`
    )
  if (typeof p.first_name === 'string') return `${p.first_name} ${String(p.last_name ?? '')}`.trim()
  return null
}

export function outboxView(e: OutboxEntry, db?: Database.Database): OutboxItemView {
  const payload = (e.payload ?? {}) as Record<string, unknown>
  const summary = SUMMARIES[e.kind]?.(payload) ?? e.kind
  const facts: Record<string, string> = {}
  for (const [k, v] of Object.entries(payload))
    if (typeof v === 'string' || typeof v === 'number') facts[k] = String(v)
  return {
    opId: e.opId,
    kind: e.kind,
    state: e.state,
    attempts: e.attempts,
    lastError: e.lastError,
    createdAt: e.createdAt,
    summary,
    subject: db ? outboxSubject(db, payload) : null,
    payload: facts,
    remote: e.remoteState,
    refusal: e.refusal ?? null,
    when: db ? outboxWhen(db, payload) : null
  }
}

/** When the meeting date a write concerns starts, from the mirror. */
function outboxWhen(db: Database.Database, p: Record<string, unknown>): string | null {
  const dateId =
    typeof p.meeting_date_id === 'string' || typeof p.meeting_date_id === 'number'
      ? String(p.meeting_date_id)
      : typeof p.participant_id === 'string'
        ? ((
            stmt(db, 'SELECT meeting_date_id FROM participants WHERE id = ?').get(p.participant_id) as
              { meeting_date_id: string } | undefined
          )?.meeting_date_id ?? null)
        : null
  if (!dateId) return null
  const row = stmt(db, 'SELECT start_time FROM meeting_dates WHERE id = ?').get(dateId) as
    { start_time: string } | undefined
  return row?.start_time ?? null
}

/** The meetings part of a sync for a user who is not staff: nothing to read. */
const NOT_STAFF = {
  requests: 1,
  elapsed_ms: 0,
  meetings: 0,
  meeting_dates: 0,
  participants: 0,
  participant_lists_read: 0,
  deleted: { meetings: 0, meeting_dates: 0 }
}

export class OfficeHours {
  private syncing: Promise<SyncSummaryView> | null = null
  private syncAbort: AbortController | null = null
  /** The next try at sending queued changes while USOS cannot be reached, and how many came before. */
  private resendTimer: ReturnType<typeof setTimeout> | null = null
  private resendTries = 0

  private readonly now: () => Date

  constructor(private readonly ctx: AppContext) {
    this.now = ctx.now
  }

  account(): Account {
    const account = this.ctx.accounts.active()
    if (!account)
      throw new AppError(
        'not_signed_in',
        'No account yet: sign in to a USOS installation or try the demo.',
        undefined,
        {
          key: 'noAccount'
        }
      )
    return account
  }

  /** Now as the installation writes datetimes: "YYYY-MM-DD HH:MM:SS", Europe/Warsaw. */
  localNow(): string {
    return usosDateTime(this.now())
  }

  mirror(): Database.Database {
    return this.ctx.mirrors.get(this.account().id)
  }

  /**
   * The demo installation runs in-process and is started on first use; its address may change
   * between runs, so the demo account follows it.
   */
  async ready(account: Account): Promise<Account> {
    if (!account.isDemo || !this.ctx.demo) return account
    const { baseUrl } = await this.ctx.demo.start()
    if (baseUrl === account.baseUrl) return account
    const moved = { ...account, baseUrl }
    this.ctx.accounts.repo.upsertBaseUrl(account.id, baseUrl)
    return moved
  }

  /** A client for the account whose 401s flag the account and tell the window. */
  caller(account: Account): UsosCaller {
    const client = this.ctx.accounts.clientFor(account.id)
    return {
      call: async (method, params, opts) => {
        try {
          return await client.call(method, params, opts)
        } catch (error) {
          if (isUnauthorized(error)) {
            this.ctx.accounts.markNeedsSignIn(account.id)
            this.ctx.events.emit('signInNeeded', { accountId: account.id, baseUrl: account.baseUrl })
          }
          throw error
        }
      }
    }
  }

  private emitOutbox(accountId: string, db: Database.Database): void {
    this.ctx.events.emit('outboxChanged', { accountId, ...new Outbox(db).counts() })
  }

  /** Sends pending writes, then brings the mirror in step. One sync at a time per app. */
  sync(options: { full?: boolean } = {}): Promise<SyncSummaryView> {
    if (!this.syncing) {
      const abort = new AbortController()
      // Every parallel request of the sync listens to the one signal.
      setMaxListeners(0, abort.signal)
      this.syncAbort = abort
      this.syncing = this.lockedSync(options, abort.signal).finally(() => {
        this.syncing = null
        this.syncAbort = null
      })
    }
    return this.syncing
  }

  /** Stops the running sync between requests; what was already written stays (each batch is whole). */
  cancelSync(): boolean {
    if (!this.syncAbort || this.syncAbort.signal.aborted) return false
    this.syncAbort.abort()
    return true
  }

  /**
   * One sync per profile across processes (the app, the web harness, the CLI): a second one waits
   * for the first, then is refused with "a sync is already running".
   */
  private async lockedSync(options: { full?: boolean }, signal: AbortSignal): Promise<SyncSummaryView> {
    const release = await takeProfileLock(this.ctx.dataDir, {
      purpose: 'a sync',
      waitMs: this.ctx.profileLockWaitMs,
      signal
    })
    try {
      return await this.runSync(options, signal)
    } finally {
      release()
    }
  }

  private async runSync(options: { full?: boolean }, signal: AbortSignal): Promise<SyncSummaryView> {
    const account = await this.ready(this.account())
    const db = this.ctx.mirrors.get(account.id)
    const usos = this.caller(account)
    const progress = (phase: SyncProgressView['phase'], done = 0, total = 0, message?: string) =>
      this.ctx.events.emit('syncProgress', {
        accountId: account.id,
        phase,
        done,
        total,
        ...(message ? { message } : {})
      })
    const started = performance.now()
    try {
      progress('outbox')
      // Who the lecturer's own queued writes concern: what the sync then brings of them is not news.
      const written = participantsWrittenTo(db)
      const outbox = await drainOutbox(db, usos)
      this.emitOutbox(account.id, db)
      this.scheduleResend(outbox.paused, new Outbox(db).counts().pending)
      if (outbox.paused === 'unauthorized') {
        throw new AppError(
          'not_signed_in',
          `Sign in to ${account.baseUrl} again: USOS no longer accepts this session.`,
          undefined,
          { key: 'signInAgain', params: { address: account.baseUrl } }
        )
      }
      const firstSync = stmt(db, 'SELECT 1 FROM meeting_dates LIMIT 1').get() === undefined
      const before = snapshotParticipants(db, this.localNow())
      // A student's account has no office hours of its own: USOS refuses the lecturer's methods.
      // "done" is said once, when every step below has finished, not when the meetings have.
      const meetingsStep = syncMeetings(db, usos, {
        lecturerId: account.userId,
        ...syncWindow(this.now()),
        ...(options.full ? { full: true } : {}),
        now: this.now,
        signal,
        onProgress: (p) => {
          if (p.phase !== 'done') progress(p.phase, p.done, p.total)
        }
      }).catch((error: unknown) => {
        if (
          isUsosError(error) &&
          (error.reasons.includes('not_a_staff') || error.reasons.includes('staff_only'))
        ) {
          return NOT_STAFF
        }
        throw error
      })
      // The slips inbox and the exams are read beside the meetings (they share no rows with them).
      // Each step runs to its end whatever the others do, so the meetings are mirrored whole even
      // when a module fails; a module the installation does not run is noted and skipped.
      const moduleOptions = { ...(options.full ? { full: true } : {}), now: this.now }
      const settled = await Promise.allSettled([
        meetingsStep,
        optionalModuleStep(db, 'slips', moduleOptions, () => this.slipsStep(db, usos, options, signal), {
          requests: 0,
          slipquestions: 0
        }),
        optionalModuleStep(
          db,
          'exams',
          moduleOptions,
          () =>
            syncExamGroups(db, usos, {
              ...syncWindow(this.now()),
              ...(options.full ? { full: true } : {}),
              now: this.now,
              signal
            }),
          { requests: 0, exams: 0, exam_groups: 0, administered_exams: 0, skipped: true }
        )
      ])
      const failed = settled.find((r) => r.status === 'rejected')
      if (failed) throw failed.reason
      const [summary, slips, exams] = settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
        Awaited<typeof meetingsStep>,
        { requests: number; slipquestions: number },
        Awaited<ReturnType<typeof syncExamGroups>>
      ]
      const changes = participantChanges(db, before, this.localNow(), firstSync, written)
      if (changes.signedUp.length + changes.promoted.length > 0)
        this.ctx.events.emit('participantsChanged', { accountId: account.id, ...changes })
      const autoExport = this.autoExport(account, db)
      progress('done')
      return {
        autoExport,
        requests: summary.requests + exams.requests + slips.requests,
        // The whole sync: the outbox, the meetings, the slips inbox and the exams.
        elapsed_ms: Math.round(performance.now() - started),
        exams: exams.exams,
        exam_groups: exams.exam_groups,
        administered_exams: exams.administered_exams,
        meetings: summary.meetings,
        meeting_dates: summary.meeting_dates,
        participants: summary.participants,
        participant_lists_read: summary.participant_lists_read,
        slipquestions: slips.slipquestions,
        outbox: { done: outbox.done, needsAttention: outbox.needsAttention, paused: outbox.paused }
      }
    } catch (error) {
      if (signal.aborted) {
        progress('cancelled')
        throw new AppError(
          'conflict',
          'The sync was cancelled; the local data keeps what was already read.',
          { kind: 'cancelled' },
          { key: 'syncCancelled' }
        )
      }
      // SQLite's own errors (a full disk, a lock held too long) as one clear line naming the file.
      const reported = /^SQLITE_/.test(String((error as { code?: unknown })?.code))
        ? storageError(mirrorFile(this.ctx.dataDir, account.id), error)
        : error
      progress('failed', 0, 0, reported instanceof Error ? reported.message : String(reported))
      throw reported
    }
  }

  /**
   * The slips inbox, on a full sync or when it is older than a few minutes (so that an ordinary
   * no-change sync stays at two requests); an account without the slips scope has none.
   */
  private async slipsStep(
    db: Database.Database,
    usos: UsosCaller,
    options: { full?: boolean },
    signal: AbortSignal
  ): Promise<{ requests: number; slipquestions: number }> {
    const last = stmt(db, "SELECT value FROM sync_state WHERE key = 'slips_synced_at'").get() as
      { value: string } | undefined
    if (!options.full && last && this.now().getTime() - Date.parse(last.value) < SLIPS_INTERVAL_MS)
      return { requests: 0, slipquestions: 0 }
    try {
      const r = await syncSlips(db, usos, {
        language: this.ctx.settings.get().language,
        now: this.now,
        signal
      })
      stmt(
        db,
        "INSERT INTO sync_state (key, value) VALUES ('slips_synced_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
      ).run(this.now().toISOString())
      return { requests: r.requests, slipquestions: r.slipquestions }
    } catch (error) {
      if (isUsosError(error) && (error.kind === 'forbidden' || error.missingScopes.length > 0))
        return { requests: 1, slipquestions: 0 }
      throw error
    }
  }

  /** Reads the slips inbox now, whatever its age (the inbox screen's refresh). */
  async refreshSlips(): Promise<{ requests: number; slipquestions: number }> {
    const account = await this.ready(this.account())
    const db = this.ctx.mirrors.get(account.id)
    await drainOutbox(db, this.caller(account))
    this.emitOutbox(account.id, db)
    return this.slipsStep(db, this.caller(account), { full: true }, new AbortController().signal)
  }

  /** Rewrites the subscribed .ics file, if one is set; a failure is reported, never fatal to the sync. */
  private autoExport(account: Account, db: Database.Database): SyncSummaryView['autoExport'] {
    const settings = this.ctx.settings.get()
    const path = settings.autoExportIcsPath
    if (!path) return null
    try {
      const { chunks, count } = buildIcs(db, {
        uidDomain: new URL(account.baseUrl).hostname,
        language: settings.language,
        alarmMinutes: settings.icsAlarmMinutes,
        now: this.now
      })
      writeFileAtomic(path, chunks, 0o644)
      return { path, events: count, error: null }
    } catch (error) {
      return { path, events: null, error: error instanceof Error ? error.message : String(error) }
    }
  }

  calendar(from: string, to: string) {
    const account = this.ctx.accounts.active()
    return account ? calendarWithExams(this.ctx.mirrors.get(account.id), from, to) : []
  }

  meetingDate(id: string) {
    return meetingDateDetails(this.mirror(), id)
  }

  /** Contact data of a date's participants on the chosen lists (users' e-mail read live). */
  async participantContacts(meetingDateId: string, lists: readonly ParticipantListName[]) {
    const account = await this.ready(this.account())
    return participantContacts(this.mirror(), this.caller(account), account, meetingDateId, lists)
  }

  /** Which optional USOS modules the active installation runs, as the last sync found. */
  modules() {
    return moduleAvailability(this.mirror())
  }

  /** The faculty's rejection substantiations (own only, or with the parents' too), read live and kept. */
  async rejectionSubstantiations(facultyId: string, withParents: boolean) {
    const account = await this.ready(this.account())
    return rejectionSubstantiations(this.mirror(), this.caller(account), facultyId, withParents)
  }

  /**
   * Reads one date and its participants from USOS again (the date's page, as it opens): the mirror
   * answers at once, this brings what an ordinary sync cannot see. Offline, the mirror's copy stands.
   */
  async refreshMeetingDate(id: string): Promise<{ outcome: 'refreshed' | 'gone' | 'offline' }> {
    const account = this.account()
    const db = this.ctx.mirrors.get(account.id)
    try {
      const outcome = await refreshMeetingDate(db, this.caller(await this.ready(account)), id)
      return { outcome }
    } catch (error) {
      if (isOffline(error)) return { outcome: 'offline' }
      throw error
    }
  }

  /**
   * Where a sign-up or an acceptance USOS confirmed left the person: the date's lists are read from
   * USOS again (USOS may have put them on the reserve list, whatever was asked) and the person found
   * there. Offline or on a failure to read, null: the result then says only that USOS took it.
   */
  async placement(
    result: ActionResult,
    meetingDateId: string,
    who: PlacementWho,
    /** Dates already read again for this batch of writes (one read per date, not per person). */
    read: Map<string, boolean> = new Map()
  ): Promise<Placement | null> {
    if (result.outcome !== 'done') return null
    if (!read.has(meetingDateId)) {
      let ok = false
      try {
        ok = (await this.refreshMeetingDate(meetingDateId)).outcome === 'refreshed'
      } catch {
        ok = false
      }
      read.set(meetingDateId, ok)
    }
    if (!read.get(meetingDateId)) return null
    return this.placedOn(meetingDateId, who)
  }

  /** Where the mirror has the person on the date now. */
  placedOn(meetingDateId: string, who: PlacementWho): Placement {
    const details = this.meetingDate(meetingDateId)
    const lists = [
      ['main', details.main],
      ['reserve', details.reserve],
      ['rejected', details.rejected]
    ] as const
    const matches = (p: ParticipantView) =>
      who.participantId
        ? p.id === who.participantId
        : who.userId
          ? p.userId === who.userId
          : who.email
            ? p.isExternal && (p.email ?? '').toLowerCase() === who.email.toLowerCase()
            : p.isExternal && p.firstName === who.firstName && p.lastName === who.lastName
    for (const [list, people] of lists) {
      // The newest entry when an outside person's name repeats: USOS's ids grow.
      const person = [...people].reverse().find(matches)
      if (!person) continue
      const seats = details.item.seatsLimit
      return {
        name: [person.firstName, person.lastName].filter(Boolean).join(' '),
        list,
        status: person.status,
        place: list === 'reserve' ? person.numberInQueue : null,
        mainFull: list === 'reserve' && seats !== null && details.main.length >= seats
      }
    }
    const name = who.firstName ? `${who.firstName} ${who.lastName ?? ''}`.trim() : ''
    return { name, list: 'absent', status: null, place: null, mainFull: false }
  }

  /** When the active account's mirror last finished a sync (none before the first, or signed out). */
  syncState(): SyncStateView {
    if (!this.ctx.accounts.active()) return { lastSyncedAt: null }
    const row = stmt(
      this.mirror(),
      "SELECT MAX(finished_at) AS at FROM sync_runs WHERE state = 'done'"
    ).get() as { at: string | null } | undefined
    return { lastSyncedAt: row?.at ?? null }
  }

  /** People to sign up, searched in the mirror (USOS's API cannot search users). */
  searchUsers(query: string): UserSearchView {
    return searchMirrorUsers(this.mirror(), query)
  }

  /** The meeting date a participant is listed on, from the mirror. */
  participantDate(participantId: string): string | null {
    const row = stmt(this.mirror(), 'SELECT meeting_date_id FROM participants WHERE id = ?').get(
      participantId
    ) as { meeting_date_id: string } | undefined
    return row?.meeting_date_id ?? null
  }

  /**
   * Records a write (applied locally at once) and tries to send it right away; offline or paused
   * it stays queued and is sent by the next sync.
   */
  async write<K extends OperationKind>(kind: K, payload: OperationPayload<K>): Promise<ActionResult> {
    const account = await this.ready(this.account()).catch(() => this.account())
    const db = this.ctx.mirrors.get(account.id)
    const outbox = new Outbox(db)
    const entry = outbox.enqueue(kind, payload)
    this.emitOutbox(account.id, db)
    await this.sendQueued(account, db)
    const after = outbox.get(entry.seq)
    const state = after?.state ?? 'pending'
    return {
      opId: entry.opId,
      outcome: state === 'done' ? 'done' : state === 'needs_attention' ? 'needs_attention' : 'queued',
      message: after?.lastError ?? null,
      refusal: state === 'needs_attention' ? (after?.refusal ?? null) : null
    }
  }

  /**
   * Sends the queued changes now (the window says the network is back, or a retry is due). While
   * USOS still cannot be reached, tries again later, each wait longer, until they are sent or
   * need the user (refused, or a new sign-in).
   */
  async sendOutbox(): Promise<{ pending: number; needsAttention: number }> {
    if (this.resendTimer) clearTimeout(this.resendTimer)
    this.resendTimer = null
    const account = this.ctx.accounts.active()
    if (!account) return { pending: 0, needsAttention: 0 }
    const db = this.ctx.mirrors.get(account.id)
    return this.sendQueued(await this.ready(account).catch(() => account), db)
  }

  /**
   * Sends what waits in the outbox, tells the window, and, while USOS cannot be reached, plans the
   * next try; what is still waiting after it.
   */
  private async sendQueued(
    account: Account,
    db: Database.Database
  ): Promise<{ pending: number; needsAttention: number }> {
    let paused: DrainResult['paused'] = 'offline'
    try {
      paused = (await drainOutbox(db, this.caller(account))).paused
    } catch {
      // Not signed in, or no client: what was queued waits in the outbox.
    }
    this.emitOutbox(account.id, db)
    const counts = new Outbox(db).counts()
    this.scheduleResend(paused, counts.pending)
    return counts
  }

  private scheduleResend(paused: DrainResult['paused'], pending: number): void {
    if (paused === null || paused === 'unauthorized' || pending === 0) {
      this.resendTries = 0
      return
    }
    if (this.resendTimer) return
    const delays = this.ctx.outboxRetryDelaysMs
    const delay = delays[Math.min(this.resendTries, delays.length - 1)] ?? 60_000
    this.resendTries++
    this.resendTimer = setTimeout(() => {
      this.resendTimer = null
      // A background try fails like a foreground one: reported, never an unhandled rejection.
      this.sendOutbox().catch((error: unknown) => {
        try {
          const accountId = this.ctx.accounts.active()?.id
          if (accountId)
            this.ctx.events.emit('syncProgress', {
              accountId,
              phase: 'failed',
              done: 0,
              total: 0,
              message: error instanceof Error ? error.message : String(error)
            })
        } catch {
          // The profile is closing (the app quits, a CLI run ends): nobody is left to tell.
        }
      })
    }, delay)
    // A scheduled try never keeps a CLI run (or a closing app) alive.
    this.resendTimer.unref?.()
  }

  outbox(): OutboxItemView[] {
    const account = this.ctx.accounts.active()
    if (!account) return []
    const db = this.ctx.mirrors.get(account.id)
    return new Outbox(db).open().map((e) => outboxView(e, db))
  }

  retry(opId: string): OutboxItemView[] {
    new Outbox(this.mirror()).retry(opId)
    return this.outbox()
  }

  discard(opId: string): OutboxItemView[] {
    new Outbox(this.mirror()).discard(opId)
    return this.outbox()
  }
}

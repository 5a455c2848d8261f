/**
 * The meetings list, a meeting's dates, the notes editor (live, drafts, saves and deletes, offline
 * through the outbox) and a cancelled sync, through the API handlers against the demo installation
 * reached through a proxy that can take the network away.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { usosClientFactory } from '../../../src/core/usos'
import { createApiHandlers } from '../../../src/main/ipc'
import type { ApiHandlers } from '../../../src/shared/api'
import type { ParticipantView } from '../../../src/shared/types'
import { startDemoServer, type DemoServer } from '../../../src/emulator'
import { signInThrough, startFaultyProxy, type FaultyProxy } from '../../helpers/faulty-proxy'

let offline = false
let slow = false
let upstream: DemoServer
let proxy: FaultyProxy
let ctx: AppContext
let api: ApiHandlers

beforeAll(async () => {
  upstream = await startDemoServer({ scale: 'small', seed: 5 })
  proxy = await startFaultyProxy(upstream.baseUrl, () => (offline ? 'drop' : slow ? { delayMs: 40 } : 'ok'))
  ctx = createAppContext({
    dataDir: mkdtempSync(join(tmpdir(), 'meetings-notes-')),
    shell: 'web',
    version: '0',
    clientFactory: usosClientFactory
  })
  api = createApiHandlers(ctx)
  await signInThrough(api, upstream, proxy.url)
  await api.sync({})
}, 60_000)
afterAll(async () => {
  ctx.close()
  await proxy.close()
  await upstream.close()
})

/** USOS's own answer (get_note), not the mirror's copy. */
async function usosNote(scope: { facultyId: string; termId: string; userId: string }, type: string) {
  const client = ctx.accounts.clientFor(ctx.accounts.active()!.id)
  try {
    const note = await client.call<{ content: string | null }>('services/meetings/get_note', {
      fac_id: scope.facultyId,
      term_id: scope.termId,
      user_id: scope.userId,
      note_type: type,
      fields: 'content'
    })
    return note.content
  } catch (e) {
    if ((e as { usosCode?: string }).usosCode === 'object_not_found') return null
    throw e
  }
}

async function aStudentOnAList(): Promise<{ p: ParticipantView; facultyId: string; termId: string }> {
  const items = (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
    (i) => i.kind === 'meeting_date'
  )
  for (const item of items) {
    const d = await api.getMeetingDate({ meetingDateId: item.id })
    const p = [...d.main, ...d.reserve].find((x) => !x.isExternal && x.userId && x.notesCount > 0)
    if (p && d.meeting.facultyId && d.meeting.termId)
      return { p, facultyId: d.meeting.facultyId, termId: d.meeting.termId }
  }
  throw new Error('no participant with notes in the demo data')
}

describe('the meetings list', () => {
  it('lists every meeting of the mirror, those with dates to come first, soonest first', async () => {
    const list = await api.listMeetings({})
    const db = ctx.mirrors.get(ctx.accounts.active()!.id)
    const count = (db.prepare('SELECT COUNT(*) AS n FROM meetings').get() as { n: number }).n
    expect(list).toHaveLength(count)
    expect(list.length).toBeGreaterThan(1)
    const upcoming = list.filter((m) => m.upcomingCount > 0)
    expect(list.slice(0, upcoming.length)).toEqual(upcoming)
    const soonest = upcoming.map((m) => m.soonest ?? '')
    expect(soonest).toEqual([...soonest].sort())
    for (const m of list) {
      expect(m.faculty).not.toBeNull()
      expect(m.term).not.toBeNull()
    }
    // Each meeting's groups as USOS lists them (its students may attend).
    const client = ctx.accounts.clientFor(ctx.accounts.active()!.id)
    const usos = await client.call<
      Record<
        string,
        {
          groups: Array<{
            course_unit_id: number | string
            group_number: number
            course_name: { pl: string }
          }>
        }
      >
    >('services/meetings/meetings', {
      meeting_ids: list.map((m) => m.id).join('|'),
      fields: 'id|groups[course_unit_id|group_number|course_name]'
    })
    let groups = 0
    for (const m of list) {
      const theirs = usos[m.id]!.groups
      expect(m.groups.map((g) => [g.courseUnitId, g.groupNumber]).sort()).toEqual(
        theirs.map((g) => [String(g.course_unit_id), g.group_number]).sort()
      )
      for (const g of m.groups)
        expect(g.courseName?.pl).toBe(
          theirs.find((t) => String(t.course_unit_id) === g.courseUnitId && t.group_number === g.groupNumber)!
            .course_name.pl
        )
      groups += theirs.length
    }
    expect(groups).toBeGreaterThan(0)
  })

  it('offers only the rejection substantiations the meeting takes (its faculty’s, or also the parents’)', async () => {
    const client = ctx.accounts.clientFor(ctx.accounts.active()!.id)
    const meetings = await api.listMeetings({})
    const modes = new Set(meetings.map((m) => m.substantiationMode))
    expect(modes).toEqual(new Set(['this_faculty_only', 'this_faculty_and_parents']))
    for (const m of meetings.filter((x) => x.upcomingCount > 0)) {
      const date = (await api.getMeeting({ meetingId: m.id })).dates.find((d) => (d.registeredCount ?? 0) > 0)
      if (!date) continue
      const details = await api.getMeetingDate({ meetingDateId: date.id })
      expect(details.meeting.substantiationMode).toBe(m.substantiationMode)
      const withParents = m.substantiationMode !== 'this_faculty_only'
      const offered = await api.getRejectionSubstantiations({ facultyId: m.facultyId!, withParents })
      const usos = await client.call<Array<{ id: number | string }>>(
        'services/meetings/get_rejection_substantiations',
        { fac_id: m.facultyId!, with_parents: withParents, fields: 'id' }
      )
      expect(offered.map((o) => o.id).sort()).toEqual(usos.map((u) => String(u.id)).sort())
    }
  })

  it('shows a meeting with exactly its dates from the calendar', async () => {
    const [first] = await api.listMeetings({})
    const meeting = await api.getMeeting({ meetingId: first!.id })
    const calendar = (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
      (i) => i.meetingId === first!.id
    )
    expect(meeting.dates.map((d) => d.id)).toEqual(calendar.map((d) => d.id))
    expect(meeting.datesCount).toBe(calendar.length)
    await expect(api.getMeeting({ meetingId: 'no-such-meeting' })).rejects.toMatchObject({
      code: 'not_found'
    })
  })
})

describe('notes about a student', () => {
  it('reads the notes the sync brought, and the current ones live', async () => {
    const { p, facultyId, termId } = await aStudentOnAList()
    const scope = { userId: p.userId!, facultyId, termId }
    const fromMirror = await api.getStudentNotes(scope)
    // The list's badge counts texts: a note's private and public parts each count once.
    const texts = fromMirror.history.reduce((n, h) => n + (h.privateNote ? 1 : 0) + (h.publicNote ? 1 : 0), 0)
    expect(texts).toBe(p.notesCount)
    // Offline, the editor never offers another author's note as the user's own.
    for (const type of ['private', 'public'] as const) {
      const saved = fromMirror[type].saved
      if (saved !== null) expect(saved).toBe(await usosNote(scope, type))
    }
    const live = await api.getStudentNotes({ ...scope, live: true })
    expect(live.fetchedLive).toBe(true)
    expect(live.private.saved).toBe(await usosNote(scope, 'private'))
    expect(live.public.saved).toBe(await usosNote(scope, 'public'))
  })

  it('keeps a draft until it is saved, then USOS has the text and the draft is gone', async () => {
    const { p, facultyId, termId } = await aStudentOnAList()
    const scope = { userId: p.userId!, facultyId, termId }
    const typed = `Konsultacja: projekt, etap 2; “cudzysłów” i emoji 🎓 ${Date.now()}`
    const drafted = await api.saveNoteDraft({ ...scope, noteType: 'private', content: typed })
    expect(drafted.private.draft).toBe(typed)
    // A draft survives the app closing: a fresh set of handlers on the same profile still has it.
    const reopened = createApiHandlers(ctx)
    expect((await reopened.getStudentNotes(scope)).private.draft).toBe(typed)
    const saved = await api.saveNote({ ...scope, noteType: 'private', content: typed })
    expect(saved.result.outcome).toBe('done')
    expect(saved.notes.private).toMatchObject({ saved: typed, draft: null })
    expect(await usosNote(scope, 'private')).toBe(typed)
  })

  it('saves a note written offline through the outbox, exactly once, when the network returns', async () => {
    const { p, facultyId, termId } = await aStudentOnAList()
    const scope = { userId: p.userId!, facultyId, termId }
    const typed = `Written on a train ${Date.now()}`
    offline = true
    try {
      const saved = await api.saveNote({ ...scope, noteType: 'public', content: typed })
      expect(saved.result.outcome).toBe('queued')
      expect(saved.notes.public.saved).toBe(typed)
      expect(saved.notes.pendingSave).toBe(true)
      // Offline, opening the editor live falls back to the mirror and keeps the text.
      const view = await api.getStudentNotes({ ...scope, live: true })
      expect(view.fetchedLive).toBe(false)
      expect(view.public.saved).toBe(typed)
    } finally {
      offline = false
    }
    expect(await usosNote(scope, 'public')).not.toBe(typed)
    const summary = await api.sync({})
    expect(summary.outbox.done).toBeGreaterThanOrEqual(1)
    expect(await usosNote(scope, 'public')).toBe(typed)
    const after = await api.getStudentNotes({ ...scope, live: true })
    expect(after).toMatchObject({ pendingSave: false, fetchedLive: true })
    expect(after.public.saved).toBe(typed)
  }, 30_000)

  it('deletes one side of a note in USOS and refuses an empty note', async () => {
    const { p, facultyId, termId } = await aStudentOnAList()
    const scope = { userId: p.userId!, facultyId, termId }
    await api.saveNote({ ...scope, noteType: 'private', content: 'to be deleted' })
    const deleted = await api.deleteNote({ ...scope, noteType: 'private' })
    expect(deleted.result.outcome).toBe('done')
    expect(deleted.notes.private.saved).toBeNull()
    expect(await usosNote(scope, 'private')).toBeNull()
    await expect(api.saveNote({ ...scope, noteType: 'private', content: '   ' })).rejects.toMatchObject({
      code: 'invalid_argument'
    })
  })
})

describe('cancelling a sync', () => {
  it('stops a running full sync, reports it as cancelled and leaves a consistent mirror', async () => {
    slow = true
    const running = api.sync({ full: true })
    await new Promise((r) => setTimeout(r, 60))
    expect(await api.cancelSync({})).toEqual({ cancelled: true })
    await expect(running).rejects.toMatchObject({ code: 'conflict', details: { kind: 'cancelled' } })
    slow = false
    expect(await api.cancelSync({})).toEqual({ cancelled: false })
    const db = ctx.mirrors.get(ctx.accounts.active()!.id)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const again = await api.sync({ full: true })
    expect(again.meeting_dates).toBeGreaterThan(0)
  }, 30_000)
})

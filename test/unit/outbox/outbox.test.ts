import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mirrorMigrations } from '../../../src/core/mirror'
import { drainOutbox, Outbox } from '../../../src/core/outbox'
import { openDatabase } from '../../../src/core/store'
import type { UsosCaller } from '../../../src/core/sync'
import { AppError } from '../../../src/shared/errors'

function mirror() {
  const file = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'mirror.sqlite')
  const db = openDatabase(file, { migrations: mirrorMigrations }).db
  db.exec(`INSERT INTO meetings (id) VALUES ('1');
    INSERT INTO meeting_dates (id, meeting_id, start_time, end_time, participants_fingerprint) VALUES ('10', '1', '2026-11-24 10:00:00', '2026-11-24 11:00:00', 'x');
    INSERT INTO participants (id, meeting_date_id, status, is_reserve, number_in_queue) VALUES ('100', '10', 'waiting', 1, 1), ('101', '10', 'waiting', 1, 2);`)
  return { file, db }
}

const usosError = (kind: string, reasons: string[] = [], status = 400) =>
  Object.assign(new AppError('usos_error', `USOS refused: ${reasons.join(', ') || kind}`), {
    kind,
    reasons,
    status
  })

/** Scripted USOS: each call to a write method takes the next scripted outcome. */
function scripted(outcomes: Array<'ok' | Error>, verifyAnswer: Record<string, string> = {}) {
  const sent: string[] = []
  const usos: UsosCaller = {
    async call<T>(method: string, params: Record<string, string | number | boolean | undefined> = {}) {
      if (method === 'services/meetings/participant')
        return { status: verifyAnswer[String(params.participant_id)] ?? 'waiting' } as T
      sent.push(`${method.split('/').pop()} ${String(params.participant_id ?? params.meeting_date_id)}`)
      const next = outcomes.shift() ?? 'ok'
      if (next instanceof Error) throw next
      return {} as T
    }
  }
  return { usos, sent }
}

describe('outbox', () => {
  it('applies the change at once and keeps the write across a restart', () => {
    const { file, db } = mirror()
    new Outbox(db).enqueue('accept_participant', { participant_id: '100' })
    db.close()
    const again = openDatabase(file, { migrations: mirrorMigrations }).db
    expect(again.prepare("SELECT status FROM participants WHERE id = '100'").get()).toEqual({
      status: 'accepted'
    })
    expect(new Outbox(again).open().map((e) => [e.kind, e.state])).toEqual([
      ['accept_participant', 'pending']
    ])
  })

  it('sends in order and marks done only on success', async () => {
    const { db } = mirror()
    const outbox = new Outbox(db)
    outbox.enqueue('accept_participant', { participant_id: '100' })
    outbox.enqueue('reject_participant', { participant_id: '101', substantiation_message: 'brak miejsc' })
    const { usos, sent } = scripted(['ok', 'ok'])
    expect(await drainOutbox(db, usos)).toEqual({ done: 2, needsAttention: 0, paused: null })
    expect(sent).toEqual(['accept_participant 100', 'reject_participant 101'])
    expect(outbox.open()).toEqual([])
    expect(await drainOutbox(db, usos)).toEqual({ done: 0, needsAttention: 0, paused: null })
    expect(sent).toHaveLength(2)
  })

  it('counts "already accepted" as done, and parks a refused write without blocking the rest', async () => {
    const { db } = mirror()
    const outbox = new Outbox(db)
    outbox.enqueue('accept_participant', { participant_id: '100' })
    outbox.enqueue('reject_participant', { participant_id: '101', substantiation_id: 'bad' })
    outbox.enqueue('accept_participant', { participant_id: '101' })
    const { usos, sent } = scripted([
      usosError('usos', ['user_already_accepted']),
      usosError('usos', ['invalid_substantiation']),
      'ok'
    ])
    expect(await drainOutbox(db, usos)).toEqual({ done: 2, needsAttention: 1, paused: null })
    expect(sent).toHaveLength(3)
    const [parked] = outbox.open()
    expect(parked).toMatchObject({ kind: 'reject_participant', state: 'needs_attention' })
    expect(parked?.lastError).toMatch(/invalid_substantiation/)
    expect(outbox.counts()).toEqual({ pending: 0, needsAttention: 1 })
    outbox.discard(parked!.opId)
    expect(db.prepare("SELECT participants_fingerprint FROM meeting_dates WHERE id = '10'").get()).toEqual({
      participants_fingerprint: null
    })
  })

  it('pauses when offline or signed out, keeping order for later', async () => {
    const { db } = mirror()
    const outbox = new Outbox(db)
    outbox.enqueue('accept_participant', { participant_id: '100' })
    outbox.enqueue('accept_participant', { participant_id: '101' })
    const offline = scripted([usosError('network')])
    expect((await drainOutbox(db, offline.usos)).paused).toBe('offline')
    expect(offline.sent).toEqual(['accept_participant 100'])
    const signedOut = scripted([usosError('unauthorized', [], 401)])
    expect((await drainOutbox(db, signedOut.usos)).paused).toBe('unauthorized')
    expect(outbox.open().map((e) => e.state)).toEqual(['pending', 'pending'])
    const back = scripted(['ok', 'ok'])
    expect(await drainOutbox(db, back.usos)).toMatchObject({ done: 2, paused: null })
    expect(back.sent).toEqual(['accept_participant 100', 'accept_participant 101'])
  })

  it('after a timeout asks USOS before sending again, so a write lands exactly once', async () => {
    const { db } = mirror()
    const outbox = new Outbox(db)
    outbox.enqueue('accept_participant', { participant_id: '100' })
    const first = scripted([usosError('unknown_outcome')])
    expect((await drainOutbox(db, first.usos)).paused).toBe('offline')
    expect(outbox.open()[0]?.state).toBe('unknown')
    // It did land: USOS now says accepted, so nothing is sent again.
    const second = scripted([], { '100': 'accepted' })
    expect(await drainOutbox(db, second.usos)).toMatchObject({ done: 1 })
    expect(second.sent).toEqual([])
  })

  it('treats a write interrupted mid-send (a crash) like a timeout', async () => {
    const { db } = mirror()
    const outbox = new Outbox(db)
    const entry = outbox.enqueue('accept_participant', { participant_id: '100' })
    outbox.setState(entry.seq, 'sending', null, true)
    const { usos, sent } = scripted(['ok'], { '100': 'waiting' })
    expect(await drainOutbox(db, usos)).toMatchObject({ done: 1 })
    expect(sent).toEqual(['accept_participant 100'])
    expect(outbox.get(entry.seq)?.attempts).toBe(2)
  })
})

/**
 * The app against a demo installation behind a faulty network: a loopback proxy that drops
 * connections, stalls, answers 5xx bursts or 401s on command. The sync recovers from what is
 * transient, fails cleanly on what is not, and never loses or tears the mirror or the outbox.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { UsosClient, usosClientFactory } from '../../../src/core/usos'
import { mirrorMigrations } from '../../../src/core/mirror'
import { openDatabase } from '../../../src/core/store'
import { syncMeetings } from '../../../src/core/sync'
import { syncWindow } from '../../../src/core/app/office-hours'
import { createApiHandlers } from '../../../src/main/ipc'
import type { ApiHandlers } from '../../../src/shared/api'
import type { CalendarItem } from '../../../src/shared/types'
import { startDemoServer, type DemoServer } from '../../../src/emulator'
import { Outbox } from '../../../src/core/outbox'
import { testClock } from '../../helpers/clock'
import { signInThrough, startFaultyProxy, type FaultyProxy } from '../../helpers/faulty-proxy'

type Mode = 'ok' | 'drop' | 'stall' | '503' | '401'
let mode: { kind: Mode; every: number } = { kind: 'ok', every: 1 }
let counter = 0
/** How many more requests may stall: each stalled read is retried and must then get through. */
let stallsLeft = 0
let upstream: DemoServer
let proxy: FaultyProxy
let proxyUrl = ''
let ctx: AppContext
let api: ApiHandlers

beforeAll(async () => {
  upstream = await startDemoServer({ scale: 'small', seed: 21 })
  proxy = await startFaultyProxy(upstream.baseUrl, (req) => {
    // Only the meetings module's requests are counted and failed (the slips inbox is read beside them).
    if (!req.url?.includes('/services/meetings/')) return 'ok'
    const n = ++counter
    const faulty = mode.kind !== 'ok' && n % mode.every === 0
    if (!faulty || mode.kind === 'ok') return 'ok'
    if (mode.kind === 'stall') return stallsLeft-- > 0 ? 'stall' : 'ok'
    if (mode.kind === 'drop') return mode.kind
    return mode.kind === '401'
      ? { status: 401, error: 'invalid_token', message: 'Invalid token.' }
      : { status: 503, error: 'server_busy', message: 'Busy.' }
  })
  proxyUrl = proxy.url

  // Sign in through the proxy as to any installation (the demo's consumer key, the PIN flow).
  const dataDir = mkdtempSync(join(tmpdir(), 'faults-'))
  ctx = createAppContext({
    dataDir,
    shell: 'web',
    version: '0',
    clientFactory: (o) => usosClientFactory({ ...o })
  })
  api = createApiHandlers(ctx)
  await signInThrough(api, upstream, proxyUrl)
})
afterAll(async () => {
  ctx.close()
  await proxy.close()
  await upstream.close()
})

const mirrorRows = () => {
  const db = ctx.mirrors.get(ctx.accounts.active()!.id)
  return {
    dates: (db.prepare('SELECT COUNT(*) AS n FROM meeting_dates').get() as { n: number }).n,
    participants: (db.prepare('SELECT COUNT(*) AS n FROM participants').get() as { n: number }).n,
    integrity: db.pragma('integrity_check', { simple: true })
  }
}

describe('network faults', () => {
  it('recovers from dropped connections and 5xx bursts by retrying reads', async () => {
    mode = { kind: 'drop', every: 5 }
    const dropped = await api.sync({ full: true })
    expect(dropped.meeting_dates).toBeGreaterThan(0)
    mode = { kind: '503', every: 3 }
    const busy = await api.sync({ full: true })
    expect(busy.meeting_dates).toBe(dropped.meeting_dates)
    mode = { kind: 'ok', every: 1 }
    const clean = await api.sync({ full: true })
    expect(clean.participants).toBe(busy.participants)
    expect(mirrorRows().integrity).toBe('ok')
  }, 60_000)

  it('retries reads that time out (a stalled answer) and completes', async () => {
    const account = ctx.accounts.active()!
    const secrets = ctx.secrets.get(account.id)!
    const fast = new UsosClient({
      baseUrl: proxyUrl,
      consumer: { key: account.consumerKey, secret: secrets.consumerSecret },
      token: secrets.token,
      // Long enough for an answer on a busy machine; a stalled one never comes.
      timeoutMs: 1500,
      backoffMs: 10
    })
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'faults-stall-')), 'm.sqlite'), {
      migrations: mirrorMigrations
    }).db
    mode = { kind: 'stall', every: 4 }
    stallsLeft = 3
    const summary = await syncMeetings(db, fast, {
      lecturerId: account.userId,
      ...syncWindow(testClock())
    })
    mode = { kind: 'ok', every: 1 }
    expect(stallsLeft).toBeLessThan(0)
    expect(summary.meeting_dates).toBeGreaterThan(0)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  }, 60_000)

  it('fails a sync cleanly when USOS stops answering, keeping the mirror as it was', async () => {
    const before = mirrorRows()
    mode = { kind: '503', every: 1 }
    await expect(api.sync({ full: true })).rejects.toBeDefined()
    expect(mirrorRows()).toEqual(before)
    mode = { kind: 'ok', every: 1 }
    await api.sync({ full: true })
    expect(mirrorRows()).toEqual(before)
  }, 60_000)

  it('keeps a write queued when the connection drops, and sends it once the network is back', async () => {
    const items = (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
      (i) => i.kind === 'meeting_date'
    )
    const date = items.find((i) => (i.acceptedCount ?? 0) < (i.seatsLimit ?? 0))!
    mode = { kind: 'drop', every: 1 }
    const queued = await api.signUpOutsidePerson({
      meetingDateId: date.id,
      firstName: 'Sieć',
      lastName: 'Zerwana',
      email: 'siec@example.com'
    })
    expect(queued.outcome).toBe('queued')
    expect(
      (await api.getMeetingDate({ meetingDateId: date.id })).main
        .concat((await api.getMeetingDate({ meetingDateId: date.id })).reserve)
        .some((p) => p.lastName === 'Zerwana' && p.pending)
    ).toBe(true)
    mode = { kind: 'ok', every: 1 }
    const summary = await api.sync({ full: true })
    expect(summary.outbox.done).toBe(1)
    const after = await api.getMeetingDate({ meetingDateId: date.id })
    expect([...after.main, ...after.reserve].filter((p) => p.lastName === 'Zerwana')).toHaveLength(1)
  }, 60_000)

  it('on a 401 mid-sync asks for a new sign-in and loses nothing', async () => {
    const before = mirrorRows()
    const account = ctx.accounts.active()!
    const db = ctx.mirrors.get(account.id)
    new Outbox(db).enqueue('accept_participant', {
      participant_id: String((db.prepare('SELECT id FROM participants LIMIT 1').get() as { id: string }).id)
    })
    const asked: string[] = []
    const off = ctx.events.subscribe((event) => {
      if (event === 'signInNeeded') asked.push(event)
    })
    mode = { kind: '401', every: 1 }
    await expect(api.sync({})).rejects.toMatchObject({ code: 'not_signed_in' })
    off()
    expect(asked.length).toBeGreaterThan(0)
    expect(ctx.accounts.list()[0]?.needsSignIn).toBe(true)
    expect(mirrorRows()).toEqual(before)
    expect(new Outbox(db).open()).toHaveLength(1)
    mode = { kind: 'ok', every: 1 }
  }, 60_000)
})

describe('changes queued while USOS cannot be reached', () => {
  /** A profile of its own signed in through the proxy; the network is back to normal after `run`. */
  async function withProfile(
    outboxRetryDelaysMs: number[] | undefined,
    run: (p: { ownApi: ApiHandlers; date: CalendarItem }) => Promise<void>
  ): Promise<void> {
    const own = createAppContext({
      dataDir: mkdtempSync(join(tmpdir(), 'resend-')),
      shell: 'web',
      version: '0',
      clientFactory: (o) => usosClientFactory({ ...o }),
      ...(outboxRetryDelaysMs ? { outboxRetryDelaysMs } : {})
    })
    const ownApi = createApiHandlers(own)
    await signInThrough(ownApi, upstream, proxyUrl)
    await ownApi.sync({ full: true })
    const date = (await ownApi.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).find(
      (i) => i.kind === 'meeting_date' && (i.acceptedCount ?? 0) < (i.seatsLimit ?? 0)
    )!
    try {
      await run({ ownApi, date })
    } finally {
      mode = { kind: 'ok', every: 1 }
      own.close()
    }
  }
  const named = async (a: ApiHandlers, dateId: string, lastName: string) => {
    const d = await a.getMeetingDate({ meetingDateId: dateId })
    return [...d.main, ...d.reserve].filter((p) => p.lastName === lastName)
  }

  it('are sent by themselves once USOS answers again, with no sync, exactly once', async () => {
    await withProfile([100, 200], async ({ ownApi, date }) => {
      mode = { kind: 'drop', every: 1 }
      const queued = await ownApi.signUpOutsidePerson({
        meetingDateId: date.id,
        firstName: 'Sieć',
        lastName: 'Wróciła',
        email: 'wrocila@example.com'
      })
      expect(queued.outcome).toBe('queued')
      // A few retries fail while the network is down; the change keeps waiting.
      await new Promise((r) => setTimeout(r, 450))
      expect(await ownApi.listOutbox({})).toHaveLength(1)
      mode = { kind: 'ok', every: 1 }
      const deadline = Date.now() + 10_000
      while ((await ownApi.listOutbox({})).length > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50))
      expect(await ownApi.listOutbox({})).toEqual([])
      await ownApi.sync({ full: true })
      const people = await named(ownApi, date.id, 'Wróciła')
      expect(people).toHaveLength(1)
      expect(people[0]!.pending).toBe(false)
    })
  }, 60_000)

  it('are sent at once when the window says the network is back (sendOutbox)', async () => {
    // The default waits are seconds long: only sendOutbox can send it within this test.
    await withProfile(undefined, async ({ ownApi, date }) => {
      mode = { kind: 'drop', every: 1 }
      await ownApi.signUpOutsidePerson({ meetingDateId: date.id, firstName: 'Sieć', lastName: 'Online' })
      expect(await ownApi.sendOutbox({})).toEqual({ pending: 1, needsAttention: 0 })
      mode = { kind: 'ok', every: 1 }
      expect(await ownApi.sendOutbox({})).toEqual({ pending: 0, needsAttention: 0 })
      await ownApi.sync({ full: true })
      expect(await named(ownApi, date.id, 'Online')).toHaveLength(1)
    })
  }, 60_000)

  it('still offers the rejection substantiations read before, and says clearly when none were', async () => {
    await withProfile(undefined, async ({ ownApi }) => {
      const [meeting] = await ownApi.listMeetings({})
      const online = await ownApi.getRejectionSubstantiations({ facultyId: meeting!.facultyId! })
      expect(online.length).toBeGreaterThan(0)
      mode = { kind: 'drop', every: 1 }
      expect(await ownApi.getRejectionSubstantiations({ facultyId: meeting!.facultyId! })).toEqual(online)
      await expect(ownApi.getRejectionSubstantiations({ facultyId: '999999' })).rejects.toMatchObject({
        code: 'offline'
      })
    })
  }, 60_000)

  it('keeps the mirror’s copy of a date when its page cannot read it again', async () => {
    await withProfile(undefined, async ({ ownApi, date }) => {
      const before = await ownApi.getMeetingDate({ meetingDateId: date.id })
      mode = { kind: 'drop', every: 1 }
      expect(await ownApi.refreshMeetingDate({ meetingDateId: date.id })).toEqual({ outcome: 'offline' })
      expect(await ownApi.getMeetingDate({ meetingDateId: date.id })).toEqual(before)
      mode = { kind: 'ok', every: 1 }
      expect(await ownApi.refreshMeetingDate({ meetingDateId: date.id })).toEqual({ outcome: 'refreshed' })
    })
  }, 60_000)
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { syncWindow } from '../../src/core/app/office-hours'
import { mirrorMigrations } from '../../src/core/mirror'
import { openDatabase } from '../../src/core/store'
import { syncMeetings } from '../../src/core/sync'
import { UsosClient } from '../../src/core/usos'
import { startDemoServer } from '../../src/emulator'
import { report } from './report'

// `npm run bench -- --latency-ms N --scale S` (defaults: the 50 ms, large).
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const SCALE = (process.env.BENCH_SCALE ?? 'large') as 'small' | 'medium' | 'large'
const CONCURRENCY = 6

it(`syncs the ${SCALE} demo installation with ${LATENCY_MS} ms latency`, async () => {
  const server = await startDemoServer({ scale: SCALE, latencyMs: LATENCY_MS, seed: 1 })
  try {
    const consumer = { key: server.consumerKey, secret: server.consumerSecret }
    const base = new UsosClient({ baseUrl: server.baseUrl, consumer, concurrency: CONCURRENCY })
    const rt = await base.requestToken('oob', ['offline_access', 'staff_perspective'])
    const token = await base.accessToken(rt, server.approve(rt.key, 'lecturer'))
    const client = base.withToken(token)
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'bench-sync-')), 'mirror.sqlite'), {
      migrations: mirrorMigrations
    }).db
    const window = { lecturerId: server.demoUserIds.lecturer, ...syncWindow(new Date()) }

    const before = server.stats().requests_total
    const full = await syncMeetings(db, client, window)
    const fullRequests = server.stats().requests_total - before
    // The API's lower bound: the meetings and the window's dates (2 calls, in parallel), then one
    // participants call per date (there is no multi-date participants method).
    const lowerBound = 2 + full.meeting_dates
    const criticalPathRoundTrips = 1 + Math.ceil(full.meeting_dates / CONCURRENCY)
    const roundTripBoundMs = criticalPathRoundTrips * LATENCY_MS
    console.log(
      `BENCH full sync: ${full.meetings} meetings, ${full.meeting_dates} dates, ${full.participants} participants; ` +
        `${fullRequests} requests (lower bound ${lowerBound}); ${full.elapsed_ms} ms vs round-trip bound ${roundTripBoundMs} ms ` +
        `(${criticalPathRoundTrips} round trips x ${LATENCY_MS} ms at concurrency ${CONCURRENCY})`
    )
    report('full sync wall time / round-trip bound', full.elapsed_ms / roundTripBoundMs, 1.5, 'x')
    report('full sync requests / API lower bound', fullRequests / lowerBound, 1, 'x')

    const t = server.stats().requests_total
    const noChange = await syncMeetings(db, client, window)
    const noChangeRequests = server.stats().requests_total - t
    report(`no-change sync requests (${noChange.elapsed_ms} ms)`, noChangeRequests, 3, 'requests')
    if (SCALE === 'large') expect(full.meeting_dates).toBeGreaterThanOrEqual(1000)
    db.close()
  } finally {
    await server.close()
  }
})

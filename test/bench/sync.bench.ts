import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { syncWindow } from '../../src/core/app/office-hours'
import { mirrorMigrations } from '../../src/core/mirror'
import { openDatabase } from '../../src/core/store'
import { syncMeetings, thisWeek } from '../../src/core/sync'
import { UsosClient } from '../../src/core/usos'
import { report } from './report'
import { processClock } from '../../src/shared/clock'

// `npm run bench -- --latency-ms N --scale S` (defaults: the 50 ms, large).
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const SCALE = (process.env.BENCH_SCALE ?? 'large') as 'small' | 'medium' | 'large'
const CONCURRENCY = 6

/**
 * The demo installation in a process of its own (the built CLI's demo-server), as USOS is on
 * another machine: in the same process its work would hold the client's event loop.
 */
async function demoServerProcess(): Promise<{
  baseUrl: string
  consumer: { key: string; secret: string }
  requestsTotal: () => Promise<number>
  close: () => Promise<void>
}> {
  const cliJs = join(process.cwd(), 'out/main/cli.js')
  if (!existsSync(cliJs)) throw new Error('the built CLI is needed: npm run build')
  const child = spawn(
    process.execPath,
    [
      cliJs,
      'demo-server',
      '--scale',
      SCALE,
      '--latency-ms',
      String(LATENCY_MS),
      '--seed',
      '1',
      '--port',
      '0'
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const first = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) resolve(out.split('\n')[0]!)
    })
    child.once('exit', (code) => reject(new Error(`demo-server exited with ${code}`)))
  })
  const info = JSON.parse(first) as { base_url: string; consumer_key: string; consumer_secret: string }
  return {
    baseUrl: info.base_url,
    consumer: { key: info.consumer_key, secret: info.consumer_secret },
    requestsTotal: async () =>
      ((await (await fetch(new URL('__demo/stats', info.base_url))).json()) as { requests_total: number })
        .requests_total,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

it(`syncs the ${SCALE} demo installation with ${LATENCY_MS} ms latency`, async () => {
  const server = await demoServerProcess()
  try {
    const base = new UsosClient({
      baseUrl: server.baseUrl,
      consumer: server.consumer,
      concurrency: CONCURRENCY
    })
    const rt = await base.requestToken('oob', ['offline_access', 'staff_perspective'])
    // The demo's authorize page, as a person would answer it: the lecturer grants, the PIN shows.
    const page = await fetch(new URL(`services/oauth/authorize?oauth_token=${rt.key}`, server.baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oauth_token: rt.key, role: 'lecturer', decision: 'grant' }).toString()
    })
    const pin = /id="oauth-verifier">([^<]+)</.exec(await page.text())?.[1]
    if (!pin) throw new Error('the demo did not grant the token')
    const client = base.withToken(await base.accessToken(rt, pin))
    const me = await client.call<{ id: string }>('services/users/user', { fields: 'id' })
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'bench-sync-')), 'mirror.sqlite'), {
      migrations: mirrorMigrations
    }).db
    const clock = processClock(process.env)
    const window = { lecturerId: String(me.id), ...syncWindow(clock()), now: clock }

    // This week's participant lists are read first: when are they all in the mirror? (Each date
    // gets its list's fingerprint when the list is written.)
    const week = thisWeek(clock())
    const weekLists = db.prepare(
      `SELECT count(*) AS dates, count(participants_fingerprint) AS lists FROM meeting_dates
       WHERE start_time >= ? AND start_time < ?`
    )
    let weekInMirrorMs: number | null = null
    let weekDates = 0
    const started = performance.now()
    const watch = setInterval(() => {
      const { dates, lists } = weekLists.get(`${week.from} 00:00:00`, `${week.to} 00:00:00`) as {
        dates: number
        lists: number
      }
      if (dates > 0 && lists === dates && weekInMirrorMs === null) {
        weekInMirrorMs = performance.now() - started
        weekDates = dates
      }
    }, 5)
    const before = await server.requestsTotal()
    const full = await syncMeetings(db, client, window).finally(() => clearInterval(watch))
    const fullRequests = (await server.requestsTotal()) - before
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
    expect(weekInMirrorMs).not.toBeNull()
    report(
      `full sync: this week's ${weekDates} participant lists in the mirror, from the start`,
      weekInMirrorMs!,
      1000,
      'ms'
    )

    const t = await server.requestsTotal()
    const noChange = await syncMeetings(db, client, window)
    const noChangeRequests = (await server.requestsTotal()) - t
    report(`no-change sync requests (${noChange.elapsed_ms} ms)`, noChangeRequests, 3, 'requests')
    if (SCALE === 'large') expect(full.meeting_dates).toBeGreaterThanOrEqual(1000)
    db.close()
  } finally {
    await server.close()
  }
})

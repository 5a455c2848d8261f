import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli'
import type { CliIo } from '../../../src/cli/io'
import { mirrorFile } from '../../../src/core/app/paths'
import { mirrorMigrations } from '../../../src/core/mirror'
import { Outbox } from '../../../src/core/outbox'
import { openDatabase } from '../../../src/core/store'
import { startDemoServer, type DemoServer } from '../../../src/emulator'

let server: DemoServer
beforeAll(async () => {
  server = await startDemoServer({ scale: 'medium', latencyMs: 15, seed: 11 })
})
afterAll(() => server.close())

/** Runs a command in-process; `pin` answers the PIN prompt the way a person would, from the page. */
async function cli(argv: string[]) {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readLine: async () => {
      const url = out.split('\n')[0] as string
      const token = new URL(url).searchParams.get('oauth_token') as string
      const page = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ oauth_token: token, role: 'lecturer', decision: 'grant' }).toString()
      })
      return /id="oauth-verifier">([^<]+)</.exec(await page.text())?.[1] ?? null
    }
  }
  const code = await runCli(argv, io)
  return { code, out, err }
}

async function signedInProfile(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-demo-'))
  const login = await cli([
    'login',
    '--base-url',
    server.baseUrl,
    '--consumer-key',
    server.consumerKey,
    '--consumer-secret',
    server.consumerSecret,
    '--data-dir',
    dataDir
  ])
  expect(login.code, login.err).toBe(0)
  expect(login.out.split('\n')[1]).toBe('Zofia Żółkiewska')
  return dataDir
}

describe('the CLI against the demo installation', () => {
  it('logs in with the PIN flow, syncs, lists the calendar, exports ICS and logs out', async () => {
    const dataDir = await signedInProfile()
    const sync = await cli(['sync', '--data-dir', dataDir])
    expect(sync.code, sync.err).toBe(0)
    const summary = JSON.parse(sync.out) as {
      requests: number
      meetings: number
      meeting_dates: number
      participants: number
      exam_groups: number
      slipquestions: number
    }
    expect(summary.meeting_dates).toBeGreaterThan(0)
    // snake_case throughout, nested objects too (the outbox's and the export's results).
    expect(Object.keys(summary)).toContain('outbox')
    expect(JSON.stringify(summary)).not.toMatch(/"[a-z]+[A-Z]\w*":/)
    expect((summary as unknown as { outbox: object }).outbox).toHaveProperty('needs_attention')
    // 2 + one participants call per date; one exams call per month of the window (7 to 9) and one
    // attendee list per examined group, one call for their examination sessions and one for the
    // sessions the user administers (the demo lecturer administers none: no exams/exams call); the
    // slips roles and one inbox page per 20 questions.
    const slipsPages = Math.max(1, Math.ceil(summary.slipquestions / 20))
    const rest = summary.requests - 2 - summary.meeting_dates - summary.exam_groups - 1 - 1 - 1 - slipsPages
    expect(rest).toBeGreaterThanOrEqual(7)
    expect(rest).toBeLessThanOrEqual(10)
    const again = JSON.parse((await cli(['sync', '--data-dir', dataDir])).out) as { requests: number }
    expect(again.requests).toBe(2)

    const cal = await cli([
      'calendar',
      '--from',
      '2000-01-01',
      '--to',
      '2100-01-01',
      '--json',
      '--data-dir',
      dataDir
    ])
    const listed = JSON.parse(cal.out) as Array<{ kind: string }>
    expect(listed.filter((i) => i.kind === 'meeting_date')).toHaveLength(summary.meeting_dates)
    expect(listed.filter((i) => i.kind === 'exam_group')).toHaveLength(summary.exam_groups)
    const ics = join(dataDir, 'out.ics')
    const exported = await cli(['export-ics', '--out', ics, '--data-dir', dataDir])
    expect(exported.out).toBe(`${summary.meeting_dates + summary.exam_groups}\n`)
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VEVENT')

    const logout = await cli(['logout', '--data-dir', dataDir])
    expect(logout.code, logout.err).toBe(0)
    const after = await cli(['sync', '--data-dir', dataDir])
    expect(after.code).not.toBe(0)
    expect(after.err).toMatch(/sign in/i)
  })

  it('runs the demo installation as a command: one JSON line, then serves until stopped', async () => {
    const cliJs = join(process.cwd(), 'out/main/cli.js')
    expect(existsSync(cliJs), 'the built CLI is needed: npm run build').toBe(true)
    const child = spawn(process.execPath, [cliJs, 'demo-server', '--scale', 'small', '--latency-ms', '5'], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const line = await new Promise<string>((resolve, reject) => {
      let buf = ''
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString()
        if (buf.includes('\n')) resolve(buf.split('\n')[0] as string)
      })
      child.once('exit', (code) => reject(new Error(`demo-server exited with ${code}`)))
    })
    const info = JSON.parse(line) as { base_url: string; consumer_key: string; consumer_secret: string }
    expect(info.consumer_key).toBe('demo-office-hours')
    const list = await fetch(`${info.base_url}services/apisrv/installations`)
    expect((await list.json())[0].base_url).toBe(info.base_url)
    const stats = (await (await fetch(`${info.base_url}__demo/stats`)).json()) as { requests_total: number }
    expect(stats.requests_total).toBe(1)
    child.kill('SIGTERM')
    expect(await new Promise((r) => child.once('exit', r))).toBe(0)
    const bad = await cli(['demo-server', '--scale', 'huge'])
    expect(bad.code).not.toBe(0)
    expect(bad.err).toMatch(/--scale must be/)
  })

  it('refuses a wrong consumer secret with a one-line message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cli-demo-bad-'))
    const r = await cli([
      'login',
      '--base-url',
      server.baseUrl,
      '--consumer-key',
      server.consumerKey,
      '--consumer-secret',
      'wrong',
      '--data-dir',
      dataDir
    ])
    expect(r.code).not.toBe(0)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/signature/i)
  })

  it('leaves an intact, consistent mirror when a sync is killed (SIGKILL) at random moments', async () => {
    const cliJs = join(process.cwd(), 'out/main/cli.js')
    expect(existsSync(cliJs), 'the built CLI is needed: npm run build').toBe(true)
    const dataDir = await signedInProfile()
    const account = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>
    const accountId = Object.keys(account)[0] as string
    let checked = 0
    let midway = 0
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [cliJs, 'sync', '--full', '--progress', '--data-dir', dataDir], {
        stdio: ['ignore', 'ignore', 'pipe']
      })
      // Listen for the exit from the start: a quick sync may end before the kill.
      let running = true
      const exited = new Promise((r) =>
        child.once('exit', () => {
          running = false
          r(null)
        })
      )
      // The first round is killed in the middle of reading the participant lists (after a random
      // number of them, from the progress lines); later rounds at random moments.
      const target = Math.random()
      let stderr = ''
      await new Promise<void>((resolve) => {
        if (round > 0) setTimeout(resolve, 300 + Math.floor(Math.random() * 1200))
        child.stderr.on('data', (c: Buffer) => {
          stderr += c.toString()
          const m = [...stderr.matchAll(/"phase":"participants","done":(\d+),"total":(\d+)/g)].at(-1)
          if (m && Number(m[1]) >= Math.max(1, Math.floor(Number(m[2]) * target))) resolve()
        })
        void exited.then(() => resolve())
      })
      if (round === 0) expect(running, 'the first kill lands mid-sync').toBe(true)
      if (running) midway++
      child.kill('SIGKILL')
      await exited
      if (!existsSync(mirrorFile(dataDir, accountId))) continue
      checked++
      const db = new Database(mirrorFile(dataDir, accountId))
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      db.pragma('foreign_keys = ON')
      expect(db.pragma('foreign_key_check')).toEqual([])
      // Every participant list that was written is whole: its count matches the date's counters.
      const torn = db
        .prepare(
          `SELECT d.id FROM meeting_dates d WHERE d.participants_fingerprint IS NOT NULL AND d.registered_participants_count <>
             (SELECT COUNT(*) FROM participants p WHERE p.meeting_date_id = d.id AND p.status <> 'rejected')`
        )
        .all()
      expect(torn).toEqual([])
      db.close()
    }
    expect(checked).toBeGreaterThan(3)
    expect(midway).toBeGreaterThan(0)
    // And a sync run to the end afterwards brings everything in step.
    const finish = await cli(['sync', '--data-dir', dataDir])
    expect(finish.code, finish.err).toBe(0)
  }, 60_000)

  it('reports progress with --progress and stops cleanly on Ctrl+C (SIGINT)', async () => {
    const cliJs = join(process.cwd(), 'out/main/cli.js')
    const dataDir = await signedInProfile()
    const child = spawn(process.execPath, [cliJs, 'sync', '--full', '--progress', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    // Interrupt once the participant lists are being read.
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString()
        if (/"phase":"participants","done":[1-9]/.test(stderr)) resolve()
      })
      void exited.then(() => resolve())
    })
    child.kill('SIGINT')
    const code = await exited
    expect(code).not.toBe(0)
    expect(stdout).toBe('')
    const lines = stderr.trim().split('\n')
    const progress = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { phase: string })
    expect(progress.map((p) => p.phase)).toContain('participants')
    expect(lines.filter((l) => l.startsWith('{')).join('\n')).toContain('"account_id":')
    expect(progress.at(-1)?.phase).toBe('cancelled')
    expect(lines.at(-1)).toMatch(/cancelled/)
    // The mirror keeps what was read and a later sync completes it.
    const finish = await cli(['sync', '--data-dir', dataDir])
    expect(finish.code, finish.err).toBe(0)
  }, 60_000)

  it('replays pending writes exactly once when the replay is killed (SIGKILL) again and again', async () => {
    const cliJs = join(process.cwd(), 'out/main/cli.js')
    expect(existsSync(cliJs), 'the built CLI is needed: npm run build').toBe(true)
    const dataDir = await signedInProfile()
    expect((await cli(['sync', '--data-dir', dataDir])).code).toBe(0)
    const accountId = Object.keys(
      JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as object
    )[0] as string
    // Made "offline": the writes wait in the outbox, as the app leaves them.
    const mirror = () => openDatabase(mirrorFile(dataDir, accountId), { migrations: mirrorMigrations }).db
    let db = mirror()
    const dates = db
      .prepare(
        "SELECT id FROM meeting_dates WHERE start_time > datetime('now', '+2 days') ORDER BY start_time LIMIT 4"
      )
      .all() as Array<{ id: string }>
    const outbox = new Outbox(db)
    const names: string[] = []
    for (const [i, d] of dates.entries()) {
      for (let k = 0; k < 3; k++) {
        const last = `Powtórka ${i}-${k}`
        names.push(last)
        // No e-mail: nothing but the name tells USOS it is the same person, so a resend would duplicate.
        outbox.enqueue('sign_up_non_usos_person', {
          meeting_date_id: d.id,
          first_name: 'Ola',
          last_name: last,
          status: 'waiting'
        })
      }
    }
    const ops = outbox.open().length
    db.close()
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, [cliJs, 'sync', '--data-dir', dataDir], { stdio: 'ignore' })
      const exited = new Promise((r) => child.once('exit', r))
      await new Promise((r) => setTimeout(r, 250 + Math.floor(Math.random() * 700)))
      child.kill('SIGKILL')
      await exited
      db = mirror()
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      // No queued write is lost: every one is still there, done or waiting.
      expect((db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n).toBe(ops)
      db.close()
    }
    const finish = await cli(['sync', '--full', '--data-dir', dataDir])
    expect(finish.code, finish.err).toBe(0)
    db = mirror()
    expect(new Outbox(db).open().filter((e) => e.state !== 'needs_attention')).toEqual([])
    for (const last of names) {
      const n = (
        db
          .prepare(
            "SELECT COUNT(*) AS n FROM participants WHERE external_last_name = ? AND id NOT LIKE 'local:%'"
          )
          .get(last) as { n: number }
      ).n
      const parked = new Outbox(db)
        .open()
        .some((e) => (e.payload as { last_name?: string }).last_name === last)
      // Exactly once in USOS, or refused (a full date) and waiting for the user: never twice.
      expect(n + (parked ? 1 : 0), last).toBe(1)
    }
    db.close()
  }, 90_000)
})

/**
 * Finding 4: an endless or huge USOS answer must be abandoned with a clear error, memory bounded.
 * The RSS figures are printed, never asserted against a time.
 */
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mirrorMigrations } from '../../src/core/mirror'
import { openDatabase } from '../../src/core/store'
import { syncMeetings } from '../../src/core/sync'
import { UsosClient } from '../../src/core/usos/client'
import { localServer, tempDir } from './helpers'

const MB = 1024 * 1024

/** Writes spaces for ever (respecting backpressure) until the client goes away. */
function endless(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20)
  res.writeHead(200, { 'Content-Type': 'application/json' })
  res.write('[')
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) {
      /* until the socket's buffer is full */
    }
    if (!res.destroyed) res.once('drain', pump)
  }
  pump()
}

let server: Awaited<ReturnType<typeof localServer>>
beforeAll(async () => {
  server = await localServer((req, res) => {
    const url = req.url ?? ''
    if (url.includes('meetings/lecturer')) {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return res.end('[]')
    }
    if (url.includes('meetings/user_calendar')) {
      return endless(res)
    }
    if (url.includes('huge_declared')) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(300 * MB) })
      return res.write('[')
    }
    res.writeHead(404).end()
  })
})
afterAll(() => server.close())

const client = (extra: { maxResponseBytes?: number } = {}) =>
  new UsosClient({
    baseUrl: server.url,
    consumer: { key: 'ck', secret: 'cs-0123456789' },
    token: { key: 'tk-0123456789', secret: 'ts-0123456789' },
    retries: 0,
    timeoutMs: 120_000,
    ...extra
  })

describe('finding 4: a hostile server streaming an endless body', () => {
  it('the sync stops at the 64 MB default with a clear error; RSS stays bounded', async () => {
    const { db } = openDatabase(join(tempDir(), 'mirror.sqlite'), { migrations: mirrorMigrations })
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
    const started = performance.now()
    const outcome = await syncMeetings(db, client(), {
      lecturerId: '7',
      from: '2026-11-01',
      to: '2027-03-01'
    }).then(
      () => null,
      (e: Error) => e
    )
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    const growthMb = (peak - before) / MB
    console.log(
      `[reliability] endless body: aborted after ${Math.round(performance.now() - started)} ms, RSS ${Math.round(before / MB)} MB -> peak ${Math.round(peak / MB)} MB (growth ${Math.round(growthMb)} MB); error: ${outcome?.message}`
    )
    expect(outcome?.message).toMatch(
      /answer to meetings\/user_calendar was larger than 64 MB; it was abandoned/
    )
    expect(outcome?.message).not.toMatch(/\n/)
    // Unbounded buffering grew to many GB; a 64 MB cap holds a few times that at most.
    expect(growthMb).toBeLessThan(640)
    // Nothing was written from a half answer.
    expect(db.prepare('SELECT COUNT(*) AS n FROM meeting_dates').get()).toEqual({ n: 0 })
    db.close()
  }, 120_000)

  it('the cap is an option, and a declared size over it is refused without reading the body', async () => {
    await expect(client({ maxResponseBytes: MB }).call('meetings/user_calendar')).rejects.toThrow(
      /larger than 1 MB/
    )
    const before = process.memoryUsage().rss
    await expect(client().call('huge_declared')).rejects.toThrow(/larger than 64 MB/)
    console.log(
      `[reliability] declared 300 MB answer: refused, RSS growth ${Math.round((process.memoryUsage().rss - before) / MB)} MB`
    )
  })
})

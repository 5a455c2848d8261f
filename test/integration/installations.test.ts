import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listInstallations } from '../../src/core/accounts'
import { openDatabase, profileMigrations } from '../../src/core/store'
import { startDemoServer, type DemoServer } from '../../src/emulator'

let server: DemoServer
beforeAll(async () => {
  server = await startDemoServer({ scale: 'small' })
})
afterAll(() => server.close())

describe('the installations list', () => {
  it('is fetched without a consumer key, cached, and served from the cache when offline', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'inst-')), 'profile.sqlite'), {
      migrations: profileMigrations
    }).db
    const fresh = await listInstallations(db, server.baseUrl)
    expect(fresh).toMatchObject({ fresh: true, problem: null })
    expect(fresh.installations).toEqual([
      {
        baseUrl: server.baseUrl,
        name: { pl: 'Uniwersytet Demonstracyjny', en: 'Demo University' },
        version: 'demo-1',
        contactEmails: expect.any(Array)
      }
    ])
    const offline = await listInstallations(db, 'http://127.0.0.1:9/')
    expect(offline.fresh).toBe(false)
    expect(offline.installations).toEqual(fresh.installations)
    expect(offline.problem).toMatch(/could not be fetched.*from before/)
    const broken = await listInstallations(
      db,
      server.baseUrl,
      (async () => new Response('<html>maintenance</html>', { status: 200 })) as typeof fetch
    )
    expect(broken.fresh).toBe(false)
  })
})

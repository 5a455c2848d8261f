/**
 * Finding 5: a server that echoes the request in its error message must not get the access
 * token key (or any other oauth_* value) printed, stored or shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mirrorFile } from '../../src/core/app/paths'
import { mirrorMigrations } from '../../src/core/mirror'
import { openDatabase } from '../../src/core/store'
import { UsosClient } from '../../src/core/usos/client'
import { usosClientFactory } from '../../src/core/usos'
import { cli, localServer, signedInContext, tempDir } from './helpers'

const TOKEN_KEY = 'TOKENKEY-abcdef123456'
const SECRETS = [TOKEN_KEY, 'tokensecret-0123456789', 'consumer-secret-0123456789']

/** Every oauth_* parameter still carrying a value (anything but the redaction mark). */
const LEAK = /oauth_[a-z_]+(["']?\s*(=|:|%3D)\s*["']?)(?!\[redacted\])[^\s&"',[]+/i

let server: Awaited<ReturnType<typeof localServer>>
beforeAll(async () => {
  // Echoes the whole request (query, body and the Authorization header) in its error message.
  server = await localServer((req, res, body) => {
    const echo = `${req.method} ${req.url} body=${body} auth=${req.headers.authorization ?? ''} encoded=${encodeURIComponent(body)}`
    res.writeHead(400, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ message: `Bad request: ${echo}`, error: 'bad_request', reasons: [echo] }))
  })
})
afterAll(() => server.close())

function assertClean(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret)
  expect(text).not.toMatch(LEAK)
}

describe('finding 5: oauth_* values echoed by the server', () => {
  it.each(['params', 'header'] as const)('are redacted from the error (oauth in %s)', async (oauthIn) => {
    const client = new UsosClient({
      baseUrl: server.url,
      consumer: { key: 'ck-public', secret: 'consumer-secret-0123456789' },
      token: { key: TOKEN_KEY, secret: 'tokensecret-0123456789' },
      oauthIn,
      retries: 0
    })
    const error = (await client.call('meetings/lecturer', { user_id: 7 }).catch((e: unknown) => e)) as {
      message: string
      reasons: string[]
    }
    expect(error.message).toMatch(/Bad request/)
    if (oauthIn === 'params') expect(error.message).toMatch(/oauth_token=\[redacted\]/)
    else expect(error.message).toMatch(/auth=\[redacted\]/)
    assertClean(error.message)
    assertClean(JSON.stringify(error))
  })

  it('are redacted from the line sync prints and from the error it stores', async () => {
    const dir = tempDir()
    signedInContext(dir, { baseUrl: server.url, clientFactory: usosClientFactory }).close()
    const r = await cli(['sync', '--data-dir', dir])
    expect(r.code).not.toBe(0)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/Bad request/)
    assertClean(r.err)
    const { db } = openDatabase(mirrorFile(dir, 'acc1'), { migrations: mirrorMigrations })
    const stored = db.prepare('SELECT summary FROM sync_runs WHERE summary IS NOT NULL').all() as Array<{
      summary: string
    }>
    db.close()
    expect(stored.length).toBeGreaterThan(0)
    for (const row of stored) assertClean(row.summary)
  })
})

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { inProcessDemo } from '../../../src/main/demo'
import { usosClientFactory } from '../../../src/core/usos'
import { callApi, createApiHandlers } from '../../../src/main/ipc'
import { apiMethods, type ApiHandlers } from '../../../src/shared/api'

let ctx: AppContext
let api: ApiHandlers
let dataDir: string
const seenByRenderer: string[] = []
/** Everything the process writes to its output and log while the session runs. */
const logged: string[] = []
const restore: Array<() => void> = []
beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk))
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write
    restore.push(() => (stream.write = write))
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level]
    console[level] = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
      original(...args)
    }
    restore.push(() => (console[level] = original))
  }
  dataDir = mkdtempSync(join(tmpdir(), 'secrets-'))
  ctx = createAppContext({
    dataDir,
    shell: 'web',
    version: '0',
    clientFactory: usosClientFactory,
    demo: inProcessDemo(dataDir, { scale: 'small' })
  })
  api = createApiHandlers(ctx)
  ctx.events.subscribe((event, payload) => seenByRenderer.push(JSON.stringify({ event, payload })))
})
afterAll(async () => {
  for (const undo of restore) undo()
  await ctx.demo?.stop()
  ctx.close()
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('secrets after a full session', () => {
  it('never reach the renderer, the output and logs, the mirror, the profile database or any file unsealed', async () => {
    // A whole session through the same boundary the window uses: sign in, sync, read, write, fail.
    const calls: Array<[string, unknown]> = [
      ['startDemo', {}],
      ['sync', {}],
      ['listAccounts', {}],
      ['calendarRange', { from: '2000-01-01', to: '2100-01-01' }],
      ['getAppInfo', {}],
      ['listOutbox', {}],
      ['getMeetingDate', { meetingDateId: 'no-such-date' }],
      [
        'beginSignIn',
        {
          baseUrl: 'https://127.0.0.1:9/',
          consumerKey: 'k',
          consumerSecret: 'typed-secret-XYZ',
          scopes: [],
          flow: 'pin'
        }
      ]
    ]
    for (const [method, input] of calls)
      seenByRenderer.push(JSON.stringify(await callApi(api, method, input)))
    const items = await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })
    seenByRenderer.push(JSON.stringify(await callApi(api, 'getMeetingDate', { meetingDateId: items[0]!.id })))

    const account = ctx.accounts.active()!
    const secrets = ctx.secrets.get(account.id)!
    const needles = [secrets.consumerSecret, secrets.token!.key, secrets.token!.secret, 'typed-secret-XYZ']
    expect(apiMethods.length).toBeGreaterThan(10)

    const rendererText = seenByRenderer.join('\n')
    for (const n of needles) expect(rendererText, 'a secret crossed to the renderer').not.toContain(n)
    const logText = logged.join('\n')
    for (const n of needles) expect(logText, 'a secret reached the output or a log').not.toContain(n)

    for (const file of filesUnder(dataDir)) {
      if (file.includes('demo-installation')) continue // the installation's own database, not the app's
      const content = readFileSync(file).toString('latin1')
      for (const n of needles) expect(content, `${file} holds a secret in the clear`).not.toContain(n)
    }
  })
})

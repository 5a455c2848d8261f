/**
 * The desktop shell without Electron's binary: the BUILT main process (out/main/index.js, from
 * `npx electron-vite build`; `npm test` builds first) runs under Node in a child process, with a
 * stand-in `electron` module (electron-stand-in.mjs) that records what the app asks of Electron.
 * Each test plays the steps Electron and the renderer would take (run-shell.mjs) and reads the
 * report. What only the real binary can show (pixels, Chromium's own checks) is not claimed here.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../../src/emulator'
import { apiMethods, ipcChannel } from '../../../src/shared/api'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'
import { usosDateTime } from '../../../src/core/schedule/timed'
import { testClock } from '../../helpers/clock'

const root = process.cwd()
const main = join(root, 'out', 'main', 'index.js')
const runner = join(root, 'test', 'integration', 'shell', 'run-shell.mjs')
const appPage = pathToFileURL(join(root, 'out', 'renderer', 'index.html')).toString()
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string
  }
).version
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')

interface Call {
  what: string
  [key: string]: unknown
}
interface Report {
  failure: string | null
  calls: Call[]
  channels: string[]
  windows: Array<{ id: number; options: any; loaded: any; destroyed: boolean }>
  session: { permissionRequestHandler: boolean; headersListener: boolean }
  results: any[]
}

const temp = (name: string) => mkdtempSync(join(tmpdir(), `office-hours-shell-${name}-`))

/**
 * A checkout as `app.getAppPath()` sees it, with the Electron build of better-sqlite3 where the
 * app looks for it: here Node's own build (we run under Node), or a broken file.
 */
function appRoot(binding: 'works' | 'broken'): string {
  const dir = temp('app')
  const target = join(
    dir,
    'node_modules',
    '.office-hours-native',
    `electron-${electronVersion}-${process.platform}-${process.arch}`,
    'better_sqlite3.node'
  )
  mkdirSync(dirname(target), { recursive: true })
  if (binding === 'works') copyFileSync(nodeBuild, target)
  else writeFileSync(target, 'this is not a shared library')
  return dir
}

interface Scenario {
  userData: string
  appPath: string
  actions: unknown[]
  isPackaged?: boolean
  resourcesPath?: string
  singleInstanceLock?: boolean
  storageBackend?: string
  minimized?: boolean
  /** Whether the stand-in's Notification says the system has notifications. */
  notifications?: boolean
}

function runShell(s: Scenario): Promise<Report> {
  const file = join(temp('scenario'), 'scenario.json')
  writeFileSync(
    file,
    JSON.stringify({
      main,
      electronVersion,
      resourcesPath: s.resourcesPath ?? join(s.appPath, 'resources'),
      config: {
        userData: s.userData,
        appPath: s.appPath,
        isPackaged: s.isPackaged ?? false,
        singleInstanceLock: s.singleInstanceLock ?? true,
        storageBackend: s.storageBackend ?? 'gnome_libsecret',
        minimized: s.minimized ?? false,
        notifications: s.notifications ?? false
      },
      actions: s.actions
    })
  )
  // The built app, not electron-vite's dev server.
  const env = { ...process.env }
  delete env['ELECTRON_RENDERER_URL']
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [runner, file],
      { env, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`run-shell failed: ${error.message}\n${stderr}`))
        const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Report
        if (report.failure) return reject(new Error(`the scenario failed: ${report.failure}\n${stderr}`))
        resolve(report)
      }
    )
  })
}

const named = (report: Report, what: string) => report.calls.filter((c) => c.what === what)

beforeAll(() => {
  expect(existsSync(main), `${main} is missing: run \`npx electron-vite build\` first`).toBe(true)
})

describe('the built shell under a stand-in electron', () => {
  let report: Report
  let userData: string
  beforeAll(async () => {
    userData = temp('profile')
    report = await runShell({
      userData,
      appPath: appRoot('works'),
      minimized: true,
      actions: [
        /* 0 */ { do: 'ready' },
        /* 1 */ { do: 'invoke', method: 'getAppInfo' },
        /* 2 */ { do: 'invoke', method: 'getAppInfo', frameUrl: 'file:///tmp/dropped.html' },
        /* 3 */ { do: 'invoke', method: 'getAppInfo', subframe: true },
        /* 4 */ { do: 'invoke', method: 'getAppInfo', frameUrl: null },
        /* 5 */ { do: 'invoke', method: 'getAppInfo', frameUrl: `${appPage}#/settings` },
        /* 6 */ { do: 'navigate', url: `${appPage}#/calendar` },
        /* 7 */ { do: 'navigate', url: 'file:///tmp/dropped.html' },
        /* 8 */ { do: 'navigate', url: 'https://evil.example/' },
        /* 9 */ { do: 'navigate', event: 'will-redirect', url: 'file:///etc/passwd' },
        /* 10 */ { do: 'attachWebview' },
        /* 11 */ { do: 'open', url: 'https://usosapps.uw.edu.pl/developers/' },
        /* 12 */ { do: 'headers', url: appPage, resourceType: 'mainFrame' },
        /* 13 */ {
          do: 'headers',
          url: 'file:///tmp/office-hours-print-x/print.html',
          resourceType: 'mainFrame'
        },
        /* 14 */ {
          do: 'headers',
          url: appPage.replace('index.html', 'assets/index.js'),
          resourceType: 'script'
        },
        /* 15 */ { do: 'permission', permission: 'notifications' },
        /* 16 */ { do: 'secondInstance' },
        /* 17 */ { do: 'files' },
        /* 18 */ { do: 'quit' },
        /* 19 */ { do: 'invoke', method: 'getSettings' },
        /* 20 */ { do: 'files' }
      ]
    })
  }, 120_000)

  it('opens one window, sandboxed and isolated, on the built renderer with the built preload', () => {
    expect(named(report, 'enableSandbox')).toHaveLength(1)
    expect(report.windows).toHaveLength(1)
    const prefs = report.windows[0]!.options.webPreferences
    expect(prefs).toEqual({
      preload: join(root, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true
    })
    expect(existsSync(prefs.preload)).toBe(true)
    // A sandboxed preload can require nothing but electron.
    const requires = [...readFileSync(prefs.preload, 'utf8').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)]
    expect(requires.map((m) => m[1])).toEqual(['electron'])
    expect(report.windows[0]!.loaded).toEqual({ url: appPage })
    expect(existsSync(fileURLToPath(appPage))).toBe(true)
    expect(existsSync(report.windows[0]!.options.icon)).toBe(true)
  })

  it('registers a handler for every call of the API contract, and only those', () => {
    expect([...report.channels].sort()).toEqual(apiMethods.map(ipcChannel).sort())
    expect(report.results[1].envelope).toMatchObject({
      ok: true,
      value: { shell: 'electron', dataDir: userData }
    })
  })

  it("answers only the app's own index.html in the top frame", () => {
    for (const i of [2, 3, 4]) expect(report.results[i].envelope.error.code).toBe('forbidden')
    expect(report.results[5].envelope.ok).toBe(true)
  })

  it("lets the window navigate only within the app's page (a dropped file, a web page, a redirect are stopped)", () => {
    expect(report.results[6].prevented).toBe(false)
    expect(report.results[7].prevented).toBe(true)
    expect(report.results[8].prevented).toBe(true)
    expect(report.results[9].prevented).toBe(true)
    expect(report.results[10].prevented).toBe(true)
    // Before any sign-in began, no link leaves the app.
    expect(report.results[11]).toMatchObject({ action: 'deny', opened: [] })
  })

  it("sends the CSP header with the app's page only, and grants no permission", () => {
    expect(report.results[12].response.responseHeaders).toEqual({
      'X-Original': ['yes'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
    })
    expect(report.results[13].response).toEqual({})
    expect(report.results[14].response).toEqual({})
    expect(report.results[15]).toEqual({ do: 'permission', granted: false, checked: false })
  })

  it('takes the single-instance lock, and a second start brings the window forward', () => {
    const order = report.calls.map((c) => c.what)
    expect(order.indexOf('requestSingleInstanceLock')).toBeGreaterThanOrEqual(0)
    expect(order.indexOf('requestSingleInstanceLock')).toBeLessThan(order.indexOf('loadURL'))
    expect(report.results[16].calls).toEqual(['restore', 'show', 'focus'])
  })

  it('closes the databases when quitting', () => {
    expect(report.results[17].files).toContain('profile.sqlite')
    expect(report.results[19].envelope).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(report.results[19].envelope.error.message).toMatch(/database connection is not open/)
    // The last connection's close checkpoints and removes the write-ahead log.
    expect(report.results[20].files.filter((f: string) => f.endsWith('-wal'))).toEqual([])
  })
})

describe('a second instance', () => {
  it('quits at once, before opening the profile or a window', async () => {
    const userData = temp('profile')
    const report = await runShell({
      userData,
      appPath: appRoot('works'),
      singleInstanceLock: false,
      actions: [{ do: 'ready' }, { do: 'files' }]
    })
    expect(named(report, 'requestSingleInstanceLock')).toHaveLength(1)
    expect(named(report, 'quit')).toHaveLength(1)
    expect(report.results[0]).toEqual({ do: 'ready', started: false })
    expect(report.windows).toEqual([])
    expect(report.channels).toEqual([])
    expect(report.results[1].files).toEqual([])
  }, 60_000)
})

describe('a failing start', () => {
  it('shows what failed, where the data is and what to do, quits, and leaves the profile as it was', async () => {
    const userData = temp('profile')
    await runShell({ userData, appPath: appRoot('works'), actions: [{ do: 'ready' }, { do: 'quit' }] })
    const before = readFileSync(join(userData, 'profile.sqlite'))

    const report = await runShell({
      userData,
      appPath: appRoot('broken'),
      actions: [{ do: 'ready' }, { do: 'files' }]
    })
    const dialogs = named(report, 'showErrorBox')
    expect(dialogs).toHaveLength(1)
    expect(dialogs[0]!.title).toBe('USOS Office Hours could not start')
    const text = String(dialogs[0]!.content)
    expect(text).toMatch(/What failed: .*better_sqlite3\.node/)
    expect(text).toContain(userData)
    expect(text).toMatch(/What to do: install the app again/)
    expect(named(report, 'exit')).toEqual([{ what: 'exit', code: 1 }])
    expect(report.windows).toEqual([])
    expect(report.channels).toEqual([])
    expect(readFileSync(join(userData, 'profile.sqlite')).equals(before)).toBe(true)
    expect(report.results[1].files.filter((f: string) => f.includes('.broken-'))).toEqual([])
  }, 60_000)

  it('says so when a packaged app lacks its database engine', async () => {
    const userData = temp('profile')
    const resourcesPath = temp('resources')
    const report = await runShell({
      userData,
      appPath: join(resourcesPath, 'app.asar'),
      isPackaged: true,
      resourcesPath,
      actions: [{ do: 'ready' }]
    })
    const text = String(named(report, 'showErrorBox')[0]?.content)
    expect(text).toContain(
      `database engine is missing (${join(resourcesPath, 'native', 'better_sqlite3.node')})`
    )
    expect(named(report, 'exit')).toEqual([{ what: 'exit', code: 1 }])
  }, 60_000)
})

describe('the sign-in link on the accounts page', () => {
  let demo: DemoServer
  beforeAll(async () => {
    demo = await startDemoServer({ dataDir: null, scale: 'small' })
  })
  afterAll(async () => demo.close())

  it('opens in the browser the sign-in page the app started, and nothing else', async () => {
    const authorize = `${demo.baseUrl}services/oauth/authorize?oauth_token=early`
    const report = await runShell({
      userData: temp('profile'),
      appPath: appRoot('works'),
      actions: [
        /* 0 */ { do: 'ready' },
        /* 1 */ { do: 'open', url: authorize },
        /* 2 */ {
          do: 'invoke',
          method: 'beginSignIn',
          input: {
            baseUrl: demo.baseUrl,
            consumerKey: demo.consumerKey,
            consumerSecret: demo.consumerSecret,
            scopes: ['offline_access'],
            flow: 'pin'
          }
        },
        /* 3 */ { do: 'open', from: [{ step: 2, path: 'envelope.value.authorizeUrl', key: 'url' }] },
        /* 4 */ { do: 'open', url: 'https://evil.example/services/oauth/authorize' },
        /* 5 */ { do: 'open', url: 'http://127.0.0.1:1/' },
        /* 6 */ { do: 'quit' }
      ]
    })
    expect(report.results[1]).toMatchObject({ action: 'deny', opened: [] })
    const authorizeUrl = report.results[2].envelope.value.authorizeUrl as string
    expect(authorizeUrl.startsWith(`${demo.baseUrl}services/oauth/authorize`)).toBe(true)
    // Opened once by the app itself, then again from the link in the window.
    expect(named(report, 'openExternal')[0]).toEqual({ what: 'openExternal', url: authorizeUrl })
    expect(report.results[3]).toMatchObject({ action: 'deny', opened: [authorizeUrl] })
    expect(report.results[4]).toMatchObject({ action: 'deny', opened: [] })
    expect(report.results[5]).toMatchObject({ action: 'deny', opened: [] })
  }, 60_000)
})

describe('weak secret storage (basic_text) across two starts', () => {
  it('remembers the agreement and the sign-in; the next start syncs and prints', async () => {
    const userData = temp('profile')
    const appPath = appRoot('works')
    const first = await runShell({
      userData,
      appPath,
      storageBackend: 'basic_text',
      actions: [
        { do: 'ready' },
        { do: 'invoke', method: 'startDemo', input: { role: 'lecturer' } },
        { do: 'invoke', method: 'listAccounts' },
        { do: 'invoke', method: 'allowWeakSecretStorage' },
        { do: 'quit' }
      ]
    })
    const accountId = first.results[1].envelope.value.id as string
    expect(first.results[2].envelope.value.secretStorage).toEqual({
      backend: 'basic_text',
      strong: false,
      persisted: false
    })
    expect(first.results[3].envelope.value.secretStorage.persisted).toBe(true)

    const second = await runShell({
      userData,
      appPath,
      storageBackend: 'basic_text',
      actions: [
        /* 0 */ { do: 'ready' },
        /* 1 */ { do: 'invoke', method: 'listAccounts' },
        /* 2 */ { do: 'invoke', method: 'sync', input: {} },
        /* 3 */ { do: 'invoke', method: 'listMeetings' },
        /* 4 */ {
          do: 'invoke',
          method: 'getMeeting',
          from: [{ step: 3, path: 'envelope.value.0.id', key: 'input.meetingId' }]
        },
        /* 5 */ {
          do: 'invoke',
          method: 'printParticipants',
          input: { language: 'en' },
          from: [{ step: 4, path: 'envelope.value.dates.0.id', key: 'input.meetingDateId' }]
        },
        /* 6 */ { do: 'files' },
        /* 7 */ { do: 'quit' },
        /* 8 */ { do: 'files' }
      ]
    })
    expect(second.results[1].envelope.value.secretStorage).toEqual({
      backend: 'basic_text',
      strong: false,
      persisted: true
    })
    expect(second.results[2].envelope).toMatchObject({ ok: true })
    expect(second.results[2].envelope.value.meetings).toBeGreaterThan(0)
    expect(Object.keys(JSON.parse(readFileSync(join(userData, 'secrets.json'), 'utf8')))).toEqual([accountId])

    // Printing: a hidden window with JavaScript off, loading the page from a private temporary
    // file (no data: URL and its 2 MB limit), removed afterwards.
    expect(second.results[4].envelope.value.dates.length).toBeGreaterThan(0)
    expect(second.results[5].envelope).toEqual({
      ok: true,
      value: { printed: true, html: null, pdfPath: null }
    })
    const printWindow = second.windows.find((w) => w.options.webPreferences?.javascript === false)
    expect(printWindow?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
    expect(printWindow?.destroyed).toBe(true)
    const loaded = printWindow?.loaded as { file: string; existed: boolean; bytes: number }
    expect(loaded.existed).toBe(true)
    expect(loaded.bytes).toBeGreaterThan(1000)
    expect(loaded.file.startsWith(join(tmpdir(), 'office-hours-print-'))).toBe(true)
    expect(existsSync(dirname(loaded.file))).toBe(false)
    expect(named(second, 'loadURL').filter((c) => String(c.url).startsWith('data:'))).toEqual([])

    // Both the profile and the account's mirror are closed on quitting.
    const wal = (files: string[]) => files.filter((f) => f.endsWith('.sqlite-wal') && !f.startsWith('demo-'))
    expect(wal(second.results[6].files).length).toBeGreaterThanOrEqual(2)
    expect(wal(second.results[8].files)).toEqual([])
  }, 120_000)
})

describe('system notifications of the built app', () => {
  it('shows a new sign-up after a sync through Electron’s Notification, in Polish; a click brings the window forward', async () => {
    const report = await runShell({
      userData: temp('profile'),
      appPath: appRoot('works'),
      notifications: true,
      actions: [
        /* 0 */ { do: 'ready' },
        // Reminders are another test's: none here, whatever the time of day.
        /* 1 */ { do: 'invoke', method: 'updateSettings', input: { reminderMinutes: 0 } },
        /* 2 */ { do: 'invoke', method: 'startDemo', input: { role: 'lecturer' } },
        /* 3 */ { do: 'invoke', method: 'sync', input: {} },
        // Meanwhile in USOS: someone signs up for the lecturer's first date more than a day ahead.
        /* 4 */ {
          do: 'usosSql',
          sql: `INSERT INTO meetings_participants (meeting_date_id, external_first_name, external_last_name, status, is_reserve, registered_at)
                SELECT d.id, 'Zofia', 'Żak', 'accepted', 0, '2026-11-30 12:00:00'
                FROM meetings_dates d JOIN meetings_meetings m ON m.id = d.meeting_id
                WHERE m.lecturer_id = ? AND d.start_time > ? ORDER BY d.start_time, d.id LIMIT 1`,
          params: ['', usosDateTime(new Date(testClock().getTime() + 86_400_000))],
          from: [{ step: 2, path: 'envelope.value.userId', key: 'params.0' }]
        },
        /* 5 */ { do: 'invoke', method: 'sync', input: {} },
        /* 6 */ { do: 'clickNotification', index: 0 },
        /* 7 */ { do: 'quit' }
      ]
    })
    expect(report.results[3].envelope).toMatchObject({ ok: true })
    expect(report.results[4].changes).toBe(1)
    expect(report.results[5].envelope).toMatchObject({ ok: true })
    const shown = named(report, 'notification')
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({ title: 'Nowy zapis' })
    expect(String(shown[0]!.body)).toMatch(/^Zofia Żak — \S+\., \d{1,2} \p{L}+, \d{1,2}:\d{2}$/u)
    expect(report.results[6].calls).toEqual(expect.arrayContaining(['show', 'focus']))
    // The window is told to open the date the sign-up is for.
    type Sent = Array<{ message: { event: string; payload: Record<string, unknown> } }>
    const click = report.results[6] as { sent: Sent; sentBefore: Sent }
    const told = click.sentBefore.map((s) => s.message).filter((m) => m.event === 'notification')
    expect(told).toHaveLength(1)
    const people = told[0]!.payload.people as Array<{ meetingDateId: string }>
    expect(click.sent.map((s) => s.message).filter((m) => m.event === 'openMeetingDate')).toEqual([
      { event: 'openMeetingDate', payload: { meetingDateId: people[0]!.meetingDateId } }
    ])
  }, 120_000)
})

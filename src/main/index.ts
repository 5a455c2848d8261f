/** The Electron shell: one hardened window, the IPC handlers, and the core behind them. */
import { app, BrowserWindow, dialog, Notification, session, shell } from 'electron'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createAppContext, type AppContext } from '../core/app/context'
import { inProcessDemo } from './demo'
import { electronNativeBinding } from './native'
import icon from '../../resources/icon.png?asset'
import { createApiHandlers } from './ipc'
import { printHtml } from './print'
import { registerIpc } from './electron-ipc'
import { hardenContents, hardenSession } from './security'
import { isExternalPageUrl } from './security-policy'
import { usosClientFactory } from '../core/usos'
import { SafeStorageBox } from './safe-storage-box'
import { startNotifications, type Notifications } from '../core/app/notifications'
import { systemNotifier } from './system-notifications'
import { notifiedDate } from '../shared/notification-text'

const here = dirname(fileURLToPath(import.meta.url))
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
/** The one page the app shows: navigation and IPC accept nothing else (no other `file:` page). */
const appPage = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).toString()

let ctx: AppContext | null = null
let notifications: Notifications | null = null
let mainWindow: BrowserWindow | null = null

/** Origins of the sign-in pages the app opened in the browser, for the link on the accounts page. */
const signInOrigins = new Set<string>()
function externalOrigins(): ReadonlySet<string> {
  const origins = new Set(signInOrigins)
  for (const account of ctx?.accounts.list() ?? []) {
    try {
      origins.add(new URL(account.baseUrl).origin)
    } catch {
      // An address the core accepted always parses; nothing to allow otherwise.
    }
  }
  return origins
}

function openSignInPage(url: string): void {
  if (!isExternalPageUrl(url)) return
  signInOrigins.add(new URL(url).origin)
  void shell.openExternal(url)
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'USOS Office Hours',
    // Linux shows the window's icon; Windows and macOS take the installer's (electron-builder.yml).
    icon,
    // Written out here, where the window is made, so that reviewers and Electronegativity see them.
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
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
    }
  })
  mainWindow = win
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  void win.loadURL(appPage)
  return win
}

/** A profile file SQLite found damaged was moved aside: said at once, naming where it went. */
function noticeQuarantine(file: string, movedTo: string): void {
  void dialog.showMessageBox({
    type: 'warning',
    title: 'USOS Office Hours',
    message: 'Some local data was damaged and has been set aside.',
    detail: `${file} failed SQLite's check and was moved to ${movedTo}. A new, empty copy was started; the next sync reads your data from USOS again.`
  })
}

/** A second start of the app brings this window forward instead of opening the profile twice. */
function focusWindow(): void {
  const win = mainWindow ?? BrowserWindow.getAllWindows()[0]
  if (!win) {
    if (ctx) createWindow()
    return
  }
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

function closeProfile(): void {
  notifications?.stop()
  notifications = null
  const open = ctx
  ctx = null
  open?.close()
}

function start(): void {
  hardenSession(session.defaultSession, appPage, !devServerUrl)
  const binding = electronNativeBinding({
    appRoot: app.getAppPath(),
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron ?? '',
    platform: process.platform,
    arch: process.arch
  })
  // Load it before any database is opened: a broken build fails here, with every file untouched.
  createRequire(import.meta.url)(binding)
  const dataDir = app.getPath('userData')
  ctx = createAppContext({
    dataDir,
    shell: 'electron',
    version: app.getVersion(),
    clientFactory: usosClientFactory,
    secretBox: new SafeStorageBox(),
    demo: inProcessDemo(dataDir, { nativeBinding: binding }),
    nativeBinding: binding,
    onQuarantine: noticeQuarantine
  })
  registerIpc(
    createApiHandlers(ctx, { print: printHtml, openExternal: openSignInPage }),
    ctx.events,
    appPage,
    () => BrowserWindow.getAllWindows()
  )
  const settings = ctx.settings
  // New sign-ups, moves to the main list and reminders, as system notifications (a click brings the window forward).
  notifications = startNotifications(ctx, {
    system: systemNotifier(Notification, {
      language: () => settings.get().language,
      // Brought forward, on the date the notification is about (when it is about one).
      onClick: (notification) => {
        focusWindow()
        const meetingDateId = notifiedDate(notification)
        if (meetingDateId && ctx) ctx.events.emit('openMeetingDate', { meetingDateId })
      }
    })
  })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

/** Without this, a failure at start leaves a process with no window and no word: say it, and quit. */
function startFailed(error: unknown): void {
  const what = error instanceof Error ? error.message : String(error)
  let dataDir = '(the app could not tell)'
  try {
    dataDir = app.getPath('userData')
  } catch {
    // Keep the placeholder.
  }
  try {
    closeProfile()
  } catch {
    // Already failing; the dialog matters more.
  }
  dialog.showErrorBox(
    'USOS Office Hours could not start',
    [
      `What failed: ${what}`,
      '',
      `Your data (settings, accounts, the local copy of USOS and changes not yet sent) is in:`,
      dataDir,
      'Nothing in it is deleted by this failure.',
      '',
      'What to do: install the app again (from a checkout: `npm install`, then `npm start`) and start it.',
      'If it fails again, send this message to whoever looks after the app.'
    ].join('\n')
  )
  app.exit(1)
}

app.enableSandbox()

// One app per profile: a second start would open the same databases and could send the same
// queued changes twice. It hands over to the first (which comes to the front) and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => focusWindow())

  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, appPage, externalOrigins)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => closeProfile())

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => startFailed(error))
}

/** The Electron shell: one hardened window, the IPC handlers, and the core behind them. */
import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createAppContext } from '../core/app/context'
import { inProcessDemo } from '../core/app/demo'
import { electronNativeBinding } from './native'
import icon from '../../resources/icon.png?asset'
import { createApiHandlers } from './ipc'
import { printHtml } from './print'
import { registerIpc } from './electron-ipc'
import { hardenContents, hardenSession } from './security'
import { secureWebPreferences } from './security-policy'
import { usosClientFactory } from '../core/usos'
import { SafeStorageBox } from './safe-storage-box'

const here = dirname(fileURLToPath(import.meta.url))
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : 'file://'

app.enableSandbox()

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
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs'))
  })
  hardenContents(win.webContents, appOrigin, () => new Set())
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadURL(pathToFileURL(join(here, '../renderer/index.html')).toString())
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

void app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    // A full disk or a profile held by another process: one clear message, nothing moved.
    dialog.showErrorBox(
      'USOS Office Hours cannot open its data',
      error instanceof Error ? error.message : String(error)
    )
    app.quit()
  })

function start(): void {
  hardenSession(session.defaultSession, !devServerUrl)
  const binding = electronNativeBinding(app.getAppPath())
  const dataDir = app.getPath('userData')
  const ctx = createAppContext({
    dataDir,
    shell: 'electron',
    version: app.getVersion(),
    clientFactory: usosClientFactory,
    secretBox: new SafeStorageBox(),
    demo: inProcessDemo(dataDir, binding ? { nativeBinding: binding } : {}),
    onQuarantine: noticeQuarantine,
    ...(binding ? { nativeBinding: binding } : {})
  })
  registerIpc(
    createApiHandlers(ctx, {
      // Only the sign-in pages of installations (https) ever go to the system browser.
      print: printHtml,
      openExternal: (url) => {
        if (new URL(url).protocol === 'https:') void shell.openExternal(url)
      }
    }),
    ctx.events,
    appOrigin,
    () => BrowserWindow.getAllWindows()
  )
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('will-quit', () => ctx.close())
}

app.on('web-contents-created', (_event, contents) => {
  hardenContents(contents, appOrigin, () => new Set())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

/**
 * A stand-in for the `electron` module, for running the built main process (out/main/index.js)
 * under plain Node where Electron's binary cannot be downloaded. It implements only what the shell
 * touches, and records every call in `standIn` for run-shell.mjs to report. It decides nothing for
 * the app: the app's own code registers the handlers, sets the preferences and checks the URLs.
 */
import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'

/** What a test configures (before the app is imported) and what the app did. */
export const standIn = {
  config: {
    userData: '',
    appPath: '',
    isPackaged: false,
    singleInstanceLock: true,
    storageBackend: 'gnome_libsecret',
    minimized: false,
    notifications: false
  },
  calls: [],
  notifications: [],
  windows: [],
  handlers: new Map(),
  headersListener: null,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  readyResolve: null
}

const record = (what, detail = {}) => standIn.calls.push({ what, ...detail })

class WebContents extends EventEmitter {
  constructor(win) {
    super()
    this.win = win
    this.windowOpenHandler = null
    this.sent = []
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  send(channel, message) {
    this.sent.push({ channel, message })
  }
  print(_options, callback) {
    record('print', { window: this.win.id })
    callback(true, '')
  }
  async printToPDF() {
    return Buffer.from('%PDF-1.7 stand-in')
  }
  isDestroyed() {
    return this.win.destroyed
  }
}

let nextWindowId = 1

class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return standIn.windows.filter((w) => !w.destroyed)
  }

  constructor(options = {}) {
    super()
    this.id = nextWindowId++
    this.options = options
    this.destroyed = false
    this.minimized = standIn.config.minimized
    this.loaded = null
    this.webContents = new WebContents(this)
    standIn.windows.push(this)
    // As Electron does: every new web contents is announced to the app.
    app.emit('web-contents-created', {}, this.webContents)
  }
  async loadURL(url) {
    this.loaded = { url }
    record('loadURL', { window: this.id, url })
  }
  async loadFile(file) {
    // What the page would be made of at load time (the file may be gone afterwards).
    this.loaded = { file, existed: existsSync(file), bytes: existsSync(file) ? readFileSync(file).length : 0 }
    record('loadFile', { window: this.id, ...this.loaded })
  }
  show() {
    record('show', { window: this.id })
  }
  focus() {
    record('focus', { window: this.id })
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
    record('restore', { window: this.id })
  }
  isDestroyed() {
    return this.destroyed
  }
  destroy() {
    this.destroyed = true
    record('destroy', { window: this.id })
  }
}

class App extends EventEmitter {
  get isPackaged() {
    return standIn.config.isPackaged
  }
  enableSandbox() {
    record('enableSandbox')
  }
  requestSingleInstanceLock() {
    record('requestSingleInstanceLock')
    return standIn.config.singleInstanceLock
  }
  whenReady() {
    return new Promise((resolve) => {
      standIn.readyResolve = resolve
    })
  }
  getPath(name) {
    if (name !== 'userData') throw new Error(`the stand-in knows only userData, not ${name}`)
    return standIn.config.userData
  }
  getAppPath() {
    return standIn.config.appPath
  }
  getVersion() {
    return '0.0.0-stand-in'
  }
  quit() {
    record('quit')
  }
  exit(code = 0) {
    record('exit', { code })
  }
}

export const app = new App()

export { BrowserWindow }

export const ipcMain = {
  handle(channel, handler) {
    if (standIn.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    standIn.handlers.set(channel, handler)
  },
  removeHandler(channel) {
    standIn.handlers.delete(channel)
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      standIn.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler) {
      standIn.permissionCheckHandler = handler
    },
    webRequest: {
      onHeadersReceived(listener) {
        standIn.headersListener = listener
      }
    }
  }
}

export const shell = {
  async openExternal(url) {
    record('openExternal', { url })
  }
}

/** Reversible like safeStorage's basic_text backend: a key known to everyone. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => standIn.config.storageBackend,
  encryptString: (plain) => Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').reverse()]),
  decryptString: (sealed) => {
    if (sealed.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext')
    return Buffer.from(sealed.subarray(3)).reverse().toString('utf8')
  }
}

export const dialog = {
  showErrorBox(title, content) {
    record('showErrorBox', { title, content })
  },
  async showSaveDialog() {
    return { canceled: true, filePath: '' }
  }
}

/** Records what it was asked to show; supported only where a test says so (`config.notifications`). */
export class Notification extends EventEmitter {
  static isSupported() {
    return standIn.config.notifications === true
  }
  constructor(options = {}) {
    super()
    this.options = options
    standIn.notifications.push(this)
  }
  show() {
    record('notification', { title: this.options.title, body: this.options.body })
  }
}

export const protocol = {
  registerSchemesAsPrivileged() {},
  handle() {}
}

export default { app, BrowserWindow, ipcMain, session, shell, safeStorage, dialog, Notification, protocol }

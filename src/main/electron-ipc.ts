/**
 * Registers the API contract with Electron's IPC: one channel per call, and only the top frame
 * showing the app's own page (not any `file:` page) may call.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { apiMethods, ipcChannel, ipcEventChannel } from '../shared/api'
import type { ApiHandlers } from '../shared/api'
import type { AppEvents } from '../core/app/events'
import { callApi } from './ipc'
import { isAppUrl } from './security-policy'

export function registerIpc(
  handlers: ApiHandlers,
  events: AppEvents,
  appPage: string,
  windows: () => BrowserWindow[]
): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isAppUrl(frame.url, appPage)
  }
  for (const method of apiMethods) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) => {
      if (!trusted(event)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This call did not come from the app window.' }
        }
      }
      return callApi(handlers, method, input)
    })
  }
  const unsubscribe = events.subscribe((event, payload) => {
    for (const win of windows()) {
      if (!win.isDestroyed()) win.webContents.send(ipcEventChannel, { event, payload })
    }
  })
  return () => {
    unsubscribe()
    for (const method of apiMethods) ipcMain.removeHandler(ipcChannel(method))
  }
}

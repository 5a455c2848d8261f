/**
 * The bridge: exactly the API contract's calls on `window.api`, nothing else (no generic
 * send/invoke/on, no process.env). Runs sandboxed, so it imports only `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { ipcChannel, ipcEventChannel, type ApiMethod } from '../shared/api'
import { buildBridgeApi } from '../shared/bridge'
import type { Envelope } from '../shared/errors'

const api = buildBridgeApi(
  (method, input) => ipcRenderer.invoke(ipcChannel(method as ApiMethod), input) as Promise<Envelope<unknown>>,
  (event, listener) => {
    const handler = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message.event === event) listener(message.payload)
    }
    ipcRenderer.on(ipcEventChannel, handler)
    return () => ipcRenderer.off(ipcEventChannel, handler)
  }
)

contextBridge.exposeInMainWorld('api', api)

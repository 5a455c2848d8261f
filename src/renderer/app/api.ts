import type { Api, BridgeApi } from '../../shared/api'
import { unwrapApi } from '../../shared/bridge'

declare global {
  interface Window {
    api: BridgeApi
  }
}

/** The typed API, answering values and throwing AppErrors. */
export const api: Api = unwrapApi(window.api)

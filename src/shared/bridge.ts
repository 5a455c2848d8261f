import { apiEventNames, apiMethods, type Api, type ApiEventName, type ApiEvents, type BridgeApi } from './api'
import { AppError, type Envelope } from './errors'

export type Invoke = (method: string, input: unknown) => Promise<Envelope<unknown>>
export type Subscribe = (event: ApiEventName, listener: (payload: unknown) => void) => () => void

/**
 * Builds `window.api` from a transport: exactly the contract's methods and `on`, nothing else.
 * Used by the preload (IPC) and by the web harness's shim (HTTP), so both expose one shape.
 */
export function buildBridgeApi(invoke: Invoke, subscribe: Subscribe): BridgeApi {
  const api: Record<string, unknown> = {}
  for (const method of apiMethods) api[method] = (input: unknown) => invoke(method, input ?? {})
  api.on = (event: ApiEventName, listener: (payload: unknown) => void) => {
    if (!apiEventNames.includes(event)) throw new Error(`Unknown event: ${String(event)}`)
    return subscribe(event, listener)
  }
  return Object.freeze(api) as unknown as BridgeApi
}

/** The renderer's view of the bridge: values, and AppErrors for refused calls. */
export function unwrapApi(bridge: BridgeApi): Api {
  const api: Record<string, unknown> = {}
  for (const method of apiMethods) {
    api[method] = async (input: unknown) => {
      const call = bridge[method] as (input: unknown) => Promise<Envelope<unknown>>
      const envelope = await call(input ?? {})
      if (envelope.ok) return envelope.value
      throw AppError.fromShape(envelope.error)
    }
  }
  api.on = <E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) =>
    bridge.on(event, listener)
  return api as unknown as Api
}

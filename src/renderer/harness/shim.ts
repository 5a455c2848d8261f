/**
 * The web harness's stand-in for the preload bridge: the same `window.api` (built by the same
 * function), carried over HTTP to the harness instead of IPC. The token comes once in the page
 * address and is kept for the tab only.
 */
import { buildBridgeApi } from '../../shared/bridge'
import type { Envelope } from '../../shared/errors'

const params = new URLSearchParams(location.search)
const fromUrl = params.get('token')
if (fromUrl) {
  sessionStorage.setItem('harness-token', fromUrl)
  params.delete('token')
  const rest = params.toString()
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`)
}
const token = sessionStorage.getItem('harness-token') ?? ''

let source: EventSource | null = null
const listeners = new Set<(message: { event: string; payload: unknown }) => void>()

function events(): void {
  if (source) return
  source = new EventSource(`/events?token=${encodeURIComponent(token)}`)
  source.onmessage = (e: MessageEvent<string>) => {
    const message = JSON.parse(e.data) as { event: string; payload: unknown }
    for (const l of listeners) l(message)
  }
}

const api = buildBridgeApi(
  async (method, input) => {
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Harness-Token': token },
      body: JSON.stringify(input)
    })
    if (!res.ok) {
      return { ok: false, error: { code: 'forbidden', message: `harness answered ${res.status}` } }
    }
    return (await res.json()) as Envelope<unknown>
  },
  (event, listener) => {
    events()
    const l = (m: { event: string; payload: unknown }) => {
      if (m.event === event) listener(m.payload)
    }
    listeners.add(l)
    return () => listeners.delete(l)
  }
)

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false })

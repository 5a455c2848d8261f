import { EventEmitter } from 'node:events'
import type { ApiEventName, ApiEvents } from '../../shared/api'

/** Typed pushes from the core to whoever shows them (a window, the web harness, the CLI). */
export class AppEvents {
  private readonly emitter = new EventEmitter()

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    this.emitter.emit('event', event, payload)
  }

  /** Every event, in order; returns the unsubscribe function. */
  subscribe(listener: <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void): () => void {
    this.emitter.on('event', listener)
    return () => this.emitter.off('event', listener)
  }
}

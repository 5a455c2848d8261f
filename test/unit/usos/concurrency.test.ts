import { describe, expect, it } from 'vitest'
import { UsosClient } from '../../../src/core/usos'

describe('the concurrency bound', () => {
  it('holds while calls start as others finish, at random moments (no HTTP: a scripted fetch)', async () => {
    let inFlight = 0
    let peak = 0
    let seed = 7
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 3
    let client: UsosClient | null = null
    const started: Array<Promise<unknown>> = []
    let budget = 200
    const fakeFetch: typeof fetch = async () => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((r) => setTimeout(r, rand()))
      inFlight--
      return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    client = new UsosClient({
      baseUrl: 'https://usos.example.edu/',
      consumer: { key: 'k', secret: 's' },
      fetch: fakeFetch,
      concurrency: 3,
      // A newcomer arrives in the very turn a slot frees up (onRequest runs right after the release).
      onRequest: () => {
        if (budget-- > 0 && client) started.push(client.call('meetings/lecturer'))
      }
    })
    const c = client
    for (let i = 0; i < 10; i++) started.push(c.call('meetings/lecturer'))
    while (budget > 0) await Promise.all([...started])
    await Promise.all(started)
    expect(peak).toBe(3)
    expect(c.stats().requests).toBe(started.length)
  })

  it('frees the slot of a waiter that is cancelled', async () => {
    const gates: Array<() => void> = []
    const fakeFetch: typeof fetch = () =>
      new Promise<Response>((resolve) => gates.push(() => resolve(new Response('{}', { status: 200 }))))
    const client = new UsosClient({
      baseUrl: 'https://usos.example.edu/',
      consumer: { key: 'k', secret: 's' },
      fetch: fakeFetch,
      concurrency: 1
    })
    const first = client.call('a/b')
    const controller = new AbortController()
    const second = client.call('a/b', {}, { signal: controller.signal })
    const third = client.call('a/b')
    controller.abort()
    await expect(second).rejects.toMatchObject({ kind: 'cancelled' })
    await new Promise((r) => setTimeout(r, 5))
    expect(gates).toHaveLength(1)
    gates[0]!()
    await first
    await new Promise((r) => setTimeout(r, 5))
    expect(gates).toHaveLength(2) // the third went, not the cancelled second
    gates[1]!()
    await third
    expect(client.stats().requests).toBe(2)
  })
})

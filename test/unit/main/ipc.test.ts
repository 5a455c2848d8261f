import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src/core/app/context'
import { callApi, createApiHandlers } from '../../../src/main/ipc'
import { usosClientFactory } from '../../../src/core/usos'
import { apiMethods } from '../../../src/shared/api'
import { apiInputs } from '../../../src/shared/api-inputs'
import { AppError } from '../../../src/shared/errors'

let ctx: AppContext | null = null
afterEach(() => ctx?.close())

function setup() {
  ctx = createAppContext({
    dataDir: mkdtempSync(join(tmpdir(), 'office-hours-ipc-')),
    shell: 'web',
    version: '9.9.9',
    clientFactory: usosClientFactory
  })
  return { ctx, handlers: createApiHandlers(ctx) }
}

describe('the API boundary', () => {
  it('lists every schema once, and implements every listed call', () => {
    expect([...apiMethods].sort()).toEqual(Object.keys(apiInputs).sort())
    const { handlers } = setup()
    expect(Object.keys(handlers).sort()).toEqual([...apiMethods].sort())
  })

  it('answers values in an ok envelope', async () => {
    const { handlers, ctx } = setup()
    const info = await callApi(handlers, 'getAppInfo', {})
    expect(info).toEqual({
      ok: true,
      value: expect.objectContaining({
        version: '9.9.9',
        dataDir: ctx.dataDir,
        shell: 'web',
        timeZone: 'Europe/Warsaw'
      })
    })
  })

  it('refuses unknown calls, prototype names and invalid input without running anything', async () => {
    const { handlers, ctx } = setup()
    for (const name of ['dropEverything', 'constructor', '__proto__', 'toString', 42, null]) {
      const answer = await callApi(handlers, name, {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
    const bad = await callApi(handlers, 'updateSettings', { language: 'de', extra: 1 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_argument')
      expect(bad.error.message).toMatch(/language/)
    }
    expect(ctx.settings.get().language).toBe('pl')
    const notObject = await callApi(handlers, 'getSettings', 'text')
    expect(notObject).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('carries AppErrors in their shape and hides other failures behind `internal`', async () => {
    const { handlers } = setup()
    const failing = {
      ...handlers,
      getSettings: async () => {
        throw new AppError('offline', 'USOS is out of reach', { retryInMs: 5000 })
      },
      getAppInfo: async () => {
        throw new TypeError('boom')
      }
    }
    expect(await callApi(failing, 'getSettings', {})).toEqual({
      ok: false,
      error: { code: 'offline', message: 'USOS is out of reach', details: { retryInMs: 5000 } }
    })
    expect(await callApi(failing, 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('pushes settingsChanged to subscribers when settings change', async () => {
    const { handlers, ctx } = setup()
    const seen: unknown[] = []
    const unsubscribe = ctx.events.subscribe((event, payload) => seen.push([event, payload]))
    await callApi(handlers, 'updateSettings', { theme: 'dark' })
    unsubscribe()
    await callApi(handlers, 'updateSettings', { theme: 'light' })
    expect(seen).toEqual([
      [
        'settingsChanged',
        {
          language: 'pl',
          theme: 'dark',
          autoExportIcsPath: null,
          autoSyncMinutes: 10,
          icsAlarmMinutes: null,
          notifySignUps: true,
          notifyPromotions: true,
          reminderMinutes: 15
        }
      ]
    ])
  })
})

/**
 * Method by method through the reference (the table generated from the reference pages, not the
 * emulator's own list): every method exists, every required parameter is refused when missing,
 * token methods refuse consumer-only calls, administrative methods refuse ordinary keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { USOS_METHODS } from '../../../src/core/usos'
import { startTestInstallation, type TestInstallation } from './harness'

let inst: TestInstallation
beforeAll(async () => {
  inst = await startTestInstallation()
})
afterAll(() => inst.close())

const asFor = (m: (typeof USOS_METHODS)[number]) => (m.token === 'ignored' ? null : 'lecturer')

describe('every documented method', () => {
  it.each(USOS_METHODS.map((m) => [m.name, m] as const))(
    '%s exists and refuses a missing required parameter',
    async (_name, m) => {
      const required = m.params.filter((p) => p.required).map((p) => p.name)
      const r = await inst.call(m.name, {}, { as: asFor(m), admin: m.consumer === 'administrative' })
      expect(r.status, JSON.stringify(r.body)).not.toBe(404)
      if (required.length > 0) {
        expect(r.status).toBe(400)
        expect(r.body).toMatchObject({ error: 'param_missing' })
        expect(required).toContain(r.body.param_name)
      } else {
        expect([200, 400, 403]).toContain(r.status)
        if (r.status === 200) expect(r.body).not.toBeNull()
      }
    }
  )

  it.each(USOS_METHODS.filter((m) => m.token === 'required').map((m) => [m.name, m] as const))(
    '%s refuses a call without an access token (401)',
    async (_name, m) => {
      const r = await inst.call(m.name, {}, { as: null, admin: m.consumer === 'administrative' })
      expect(r.status).toBe(401)
    }
  )

  it.each(USOS_METHODS.filter((m) => m.consumer === 'administrative').map((m) => [m.name, m] as const))(
    '%s refuses an ordinary consumer key (403)',
    async (_name, m) => {
      const r = await inst.call(m.name, {}, { as: asFor(m), admin: false })
      expect(r.status).toBe(403)
      expect(r.body).toMatchObject({ error: 'method_forbidden' })
    }
  )
})

/**
 * What USOS's documentation leaves open, answered either way by the demo installation's switch
 * (OFFICE_HOURS_DEMO_ANSWERS), and services/apisrv/now (usosapi.py, the USOS team's Python client,
 * calls it to test a connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestInstallation, type TestInstallation } from './harness'

const pinned = new Date('2027-07-20T08:15:30.250Z')
let numbers: TestInstallation
let strings: TestInstallation
beforeAll(async () => {
  numbers = await startTestInstallation({ now: () => pinned, answers: { ids: 'number' } })
  strings = await startTestInstallation({ now: () => pinned, answers: { ids: 'string' } })
})
afterAll(async () => {
  await numbers.close()
  await strings.close()
})

describe('services/apisrv/now', () => {
  it('answers the installation’s wall clock (Warsaw, summer time) with microseconds, without signing', async () => {
    const res = await fetch(`${numbers.baseUrl}services/apisrv/now`)
    expect(res.status).toBe(200)
    // 08:15:30.250 UTC is 10:15:30.250 in Warsaw in July (CEST, UTC+2).
    expect(await res.json()).toBe('2027-07-20 10:15:30.250000')
  })
})

describe('ids as numbers or strings (datatypes page: "we will try to always return the string version")', () => {
  it('answers the same meetings with numeric or string ids, everything else equal', async () => {
    const both = async (method: string, params: Record<string, string>) => {
      const a = await numbers.call(method, params, { as: 'lecturer' })
      const b = await strings.call(method, params, { as: 'lecturer' })
      expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200])
      return [a.body, b.body] as const
    }
    const [meetingsA, meetingsB] = await both('meetings/lecturer', { fields: 'id|name|open' })
    expect(meetingsA.length).toBeGreaterThan(0)
    expect(typeof meetingsA[0].id).toBe('number')
    expect(typeof meetingsB[0].id).toBe('string')
    const [datesA, datesB] = await both('meetings/lecturer_meeting_dates', {
      meeting_id: String(meetingsA[0].id),
      fields: 'id|start_time|seats_limit|meeting[id|name]'
    })
    expect(datesA.length).toBeGreaterThan(0)
    expect(typeof datesB[0].id).toBe('string')
    expect(typeof datesB[0].meeting.id).toBe('string')
    expect(typeof datesB[0].seats_limit).toBe(typeof datesA[0].seats_limit)
    // Only the ids' type differs: counts and limits stay numbers.
    const asStrings = (v: unknown) =>
      JSON.parse(JSON.stringify(v), (k, x) =>
        typeof x === 'number' && (k === 'id' || k.endsWith('_id')) ? String(x) : x
      )
    expect(meetingsB).toEqual(asStrings(meetingsA))
    expect(datesB).toEqual(asStrings(datesA))
  })
})

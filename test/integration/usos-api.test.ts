import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UsosClient, usosApi } from '../../src/core/usos'
import { startDemoServer, type DemoServer } from '../../src/emulator'

let server: DemoServer
let api: ReturnType<typeof usosApi>
beforeAll(async () => {
  server = await startDemoServer({ scale: 'small' })
  const base = new UsosClient({
    baseUrl: server.baseUrl,
    consumer: { key: server.consumerKey, secret: server.consumerSecret }
  })
  const rt = await base.requestToken('oob', ['offline_access', 'staff_perspective', 'studies', 'slips'])
  api = usosApi(base.withToken(await base.accessToken(rt, server.approve(rt.key, 'lecturer'))))
})
afterAll(() => server.close())

describe('the typed API against the demo installation', () => {
  it('calls meetings methods with their documented parameters', async () => {
    const meetings = (await api.meetings.lecturer({ fields: 'id|name|faculty[id]' })) as Array<{
      id: number
      faculty: { id: string }
    }>
    expect(meetings.length).toBeGreaterThan(0)
    const dates = (await api.meetings.meeting_all_dates({ meeting_id: meetings[0]!.id })) as unknown[]
    expect(dates.length).toBeGreaterThan(0)
    const reasons = (await api.meetings.get_rejection_substantiations({
      fac_id: meetings[0]!.faculty.id
    })) as unknown[]
    expect(reasons.length).toBeGreaterThan(0)
    const generated = await api.meetings.generate_meeting_dates({
      start_date: '2026-11-02',
      end_date: '2026-11-30',
      number: 4,
      frequency: 'weekly',
      use_calendar: true
    })
    expect(generated).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])
  })

  it('calls slips methods and maps USOS refusals to typed errors', async () => {
    const roles = await api.slips.user_roles()
    expect(roles).toBeTypeOf('object')
    await expect(api.meetings.meeting({ meeting_id: 99999999 })).rejects.toMatchObject({
      kind: 'usos',
      usosCode: 'object_not_found'
    })
  })
})

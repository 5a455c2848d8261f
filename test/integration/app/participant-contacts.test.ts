import { describe, expect, it } from 'vitest'
import { syncedDemo } from '../../helpers/demo-app'
import { participantContacts } from '../../../src/core/office-hours/contacts'
import type { UsosCaller } from '../../../src/core/sync/engine'

const everything = { from: '2000-01-01', to: '2100-01-01' }

describe("the participants' contact data, for the lists chosen", () => {
  const app = syncedDemo()

  it('gives the addresses of the chosen lists only, once each, and a mailto: with them in BCC', async () => {
    const dates = (await app.api.calendarRange(everything)).filter((i) => i.kind === 'meeting_date')
    let chosen: { id: string; main: number; reserve: number } | null = null
    for (const d of dates) {
      const details = await app.api.getMeetingDate({ meetingDateId: d.id })
      const main = details.main.filter((p) => p.status !== 'rejected').length
      const reserve = details.reserve.length
      if (main > 0 && reserve > 0) {
        chosen = { id: d.id, main, reserve }
        break
      }
    }
    expect(chosen, 'a date with people on both lists').not.toBeNull()
    const main = await app.api.participantContacts({ meetingDateId: chosen!.id, lists: ['main'] })
    const both = await app.api.participantContacts({ meetingDateId: chosen!.id, lists: ['main', 'reserve'] })
    expect(main.emailScope).toBe(true)
    expect(main.people.every((p) => p.list === 'main')).toBe(true)
    expect(both.people.length).toBeGreaterThan(main.people.length)
    expect(both.emails.length).toBeGreaterThan(0)
    expect(new Set(both.emails).size).toBe(both.emails.length)
    for (const e of main.emails) expect(both.emails).toContain(e)
    expect(both.mailto).toBe(`mailto:?bcc=${both.emails.map(encodeURIComponent).join(',')}`)
  })

  it('says when the sign-in lacks the email scope, and asks USOS nothing then', async () => {
    const dates = (await app.api.calendarRange(everything)).filter(
      (i) => i.kind === 'meeting_date' && (i.registeredCount ?? 0) > 0
    )
    const calls: string[] = []
    const caller: UsosCaller = {
      call: async (method: string) => {
        calls.push(method)
        return {} as never
      }
    }
    const db = app.ctx.mirrors.get(app.ctx.accounts.active()!.id)
    const answer = await participantContacts(db, caller, { scopes: ['studies'] }, dates[0]!.id, [
      'main',
      'reserve'
    ])
    expect(answer.emailScope).toBe(false)
    expect(calls).toEqual([])
    expect(answer.people.length).toBeGreaterThan(0)
  })
})

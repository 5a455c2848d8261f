import { describe, expect, it } from 'vitest'
import { compareNames } from '../../../src/shared/locale-format'
import { syncedDemo } from '../../helpers/demo-app'

/** Byte order, as SQLite's ORDER BY gives it: "Duda" before "Dąbrowska". */
const byBytes = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
  a.lastName < b.lastName ? -1 : a.lastName > b.lastName ? 1 : a.firstName < b.firstName ? -1 : 1

describe('lists of people in Polish order (demo installation)', () => {
  const demo = syncedDemo()

  it('exam attendees: by last name, then first name, by Polish collation (in the list, the print and the CSV)', async () => {
    const exams = await demo.api.listExams({})
    const groups = exams.flatMap((e) => e.groups.map((g) => ({ examId: e.id, number: g.number })))
    let differsFromBytes = false
    for (const g of groups) {
      const d = await demo.api.getExamGroup({ examId: g.examId, groupNumber: g.number })
      const names = d.attendees.map((a) => ({ lastName: a.lastName, firstName: a.firstName }))
      expect(names).toEqual([...names].sort(compareNames))
      if (JSON.stringify([...names].sort(byBytes)) !== JSON.stringify(names)) differsFromBytes = true
    }
    // The demo's names include ones that byte order would misplace, so the check above can fail.
    expect(differsFromBytes).toBe(true)
  })

  it('a meeting date: the CSV in Polish with ";" and a Polish header; printed in Warsaw time', async () => {
    const from = new Date(demo.ctx.now().getTime() - 200 * 86_400_000).toISOString().slice(0, 10)
    const to = new Date(demo.ctx.now().getTime() + 200 * 86_400_000).toISOString().slice(0, 10)
    const items = (await demo.api.calendarRange({ from, to })).filter((i) => i.kind === 'meeting_date')
    const id = items[0]!.id
    const csv = (await demo.api.exportParticipants({ meetingDateId: id, format: 'csv', language: 'pl' })).text
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      '"Lista";"Lp.";"Imię i nazwisko";"Nr albumu / kontakt";"Status";"Uzasadnienie";"ID zgłoszenia";"ID osoby w USOS";"E-mail"'
    )
    const en = (await demo.api.exportParticipants({ meetingDateId: id, format: 'csv', language: 'en' })).text
    expect(en.slice(1).split('\r\n')[0]).toBe(
      '"List","No.","Name","Student no. / contact","Status","Substantiation","Sign-up ID","USOS person ID","Email"'
    )

    const html = (await demo.api.exportParticipants({ meetingDateId: id, format: 'html', language: 'pl' }))
      .text
    const stamp = new Intl.DateTimeFormat('pl-PL', {
      timeZone: 'Europe/Warsaw',
      day: 'numeric',
      month: 'long',
      year: 'numeric'
    }).format(demo.ctx.now())
    expect(html).toMatch(new RegExp(`Wydrukowano: ${stamp} \\d{1,2}:\\d{2}`))
    expect(html).not.toContain('UTC')
  })
})

/**
 * Exams through the API handlers on the demo installation: the groups the lecturer examines with
 * their slots and attendee lists (read from USOS, compared with USOS's own answer), the printed
 * list and CSV, and clashes with office hours.
 */
import { describe, expect, it } from 'vitest'
import { syncedDemo } from '../../helpers/demo-app'

const demo = syncedDemo()

describe('exams the lecturer examines', () => {
  it('lists every examined group of the calendar with its slots', async () => {
    const exams = await demo.api.listExams({})
    const groups = exams.flatMap((e) => e.groups)
    const calendar = (await demo.api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).filter(
      (i) => i.kind === 'exam_group'
    )
    expect(groups.length).toBe(calendar.length)
    expect(groups.length).toBeGreaterThan(0)
    // Each exam's examination session, as USOS names it.
    const client = demo.ctx.accounts.clientFor(demo.ctx.accounts.active()!.id)
    for (const e of exams) {
      const usos = await client.call<Record<string, { name: { pl: string }; status: string }>>(
        'services/exams/examination_sessions',
        { ids: e.sessionId!, fields: 'name|status' }
      )
      expect(e.session).toEqual({ name: usos[e.sessionId!]!.name, status: usos[e.sessionId!]!.status })
    }
    for (const g of groups) {
      expect(g.slots.length).toBeGreaterThan(0)
      expect(g.slots.reduce((n, s) => n + (s.attendeesCount ?? 0), 0)).toBe(g.attendeesCount)
    }
  })

  it('has each group’s attendees exactly as USOS lists them, and prints them all', async () => {
    const client = demo.ctx.accounts.clientFor(demo.ctx.accounts.active()!.id)
    let listed = 0
    for (const exam of await demo.api.listExams({})) {
      for (const g of exam.groups) {
        const d = await demo.api.getExamGroup({ examId: exam.id, groupNumber: g.number })
        const usos = await client.call<{ attendees: Array<{ id: string | number }> }>(
          'services/exams/exam_group',
          {
            exam_id: exam.id,
            group_number: g.number,
            fields: 'attendees[id]'
          }
        )
        expect(d.attendeesRead).toBe(true)
        expect(d.attendees.map((a) => a.userId).sort()).toEqual(
          usos.attendees.map((a) => String(a.id)).sort()
        )
        const printed = await demo.api.printExamAttendees({
          examId: exam.id,
          groupNumber: g.number,
          language: 'pl'
        })
        expect(printed.printed).toBe(false)
        for (const a of d.attendees) expect(printed.html).toContain(a.lastName)
        const csv = await demo.api.exportExamAttendees({
          examId: exam.id,
          groupNumber: g.number,
          format: 'csv',
          language: 'en'
        })
        expect(csv.text.trim().split('\r\n')).toHaveLength(d.attendees.length + 1)
        listed += d.attendees.length
      }
    }
    expect(listed).toBeGreaterThan(0)
  })

  it('flags an exam group that overlaps office hours', async () => {
    const db = demo.ctx.mirrors.get(demo.ctx.accounts.active()!.id)
    const [exam] = await demo.api.listExams({})
    const g = exam!.groups[0]!
    const meeting = db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: string }
    db.prepare(
      "INSERT INTO meeting_dates (id, meeting_id, start_time, end_time) VALUES ('clash-test', ?, ?, ?)"
    ).run(meeting.id, g.start, g.end)
    const d = await demo.api.getExamGroup({ examId: exam!.id, groupNumber: g.number })
    expect(d.group.clashes.map((c) => c.id)).toContain('clash-test')
    db.prepare("DELETE FROM meeting_dates WHERE id = 'clash-test'").run()
  })

  it('answers not_found for a group that is not there', async () => {
    await expect(demo.api.getExamGroup({ examId: 'nope', groupNumber: 1 })).rejects.toMatchObject({
      code: 'not_found'
    })
  })
})

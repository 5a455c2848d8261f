/**
 * The ICS export of the demo installation's calendar through the API handlers: read back with
 * ical.js and compared event by event with the mirror (meeting dates and exam groups), and its
 * SEQUENCEs across exports, syncs and changes made in USOS.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TZDate } from '@date-fns/tz'
import Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src/core/app/context'
import type { ApiHandlers } from '../../../src/shared/api'
import { openDemoApp } from '../../helpers/demo-app'

let ctx: AppContext
let api: ApiHandlers
let dataDir: string
beforeAll(async () => {
  ;({ ctx, api, dataDir } = openDemoApp())
  await api.startDemo({})
  await api.sync({ full: true })
}, 60_000)
afterAll(async () => {
  await ctx.demo?.stop()
  ctx.close()
})

const mirror = () => ctx.mirrors.get(ctx.accounts.active()!.id)
const domain = () => new URL(ctx.accounts.active()!.baseUrl).hostname

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
}

/** A USOS local datetime (Europe/Warsaw wall clock) as the instant it is, computed apart from ical.js. */
function warsaw(local: string): string {
  const [y, mo, d, h, mi, s] = local.split(/[- :]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  return new Date(new TZDate(y, mo - 1, d, h, mi, s, 'Europe/Warsaw').getTime()).toISOString()
}

const pick = (pl: string | null, en: string | null) => pl || en || ''
const place = (r: { room: string | null; building_pl: string | null; building_en: string | null }) =>
  r.room ? [r.room, pick(r.building_pl, r.building_en)].filter(Boolean).join(', ') : null

describe('ICS export of the demo calendar', () => {
  it('has every meeting date and examined exam group of the mirror, event by event', async () => {
    expect(ctx.settings.get().language).toBe('pl')
    const { text, count } = await api.exportIcs({})
    const events = parse(text)
    expect(events).toHaveLength(count)

    type Row = {
      uid: string
      start_time: string
      end_time: string
      name_pl: string | null
      name_en: string | null
      room: string | null
      building_pl: string | null
      building_en: string | null
    }
    const room = 'r.number AS room, r.building_name_pl AS building_pl, r.building_name_en AS building_en'
    const dates = mirror()
      .prepare(
        `SELECT 'meeting-date-' || d.id AS uid, d.start_time, d.end_time, m.name_pl, m.name_en, ${room}
         FROM meeting_dates d JOIN meetings m ON m.id = d.meeting_id LEFT JOIN rooms r ON r.id = d.room_id`
      )
      .all() as Row[]
    const groups = mirror()
      .prepare(
        `SELECT 'exam-group-' || g.exam_id || '-' || g.number AS uid, g.exam_start AS start_time,
                g.exam_end AS end_time, e.name_pl || ' (' || e.course_id || ')' AS name_pl, NULL AS name_en, ${room}
         FROM exam_groups g JOIN exams e ON e.id = g.exam_id LEFT JOIN rooms r ON r.id = g.room_id
         WHERE g.is_examiner = 1`
      )
      .all() as Row[]
    expect(dates.length).toBeGreaterThan(10)
    expect(groups.length).toBeGreaterThan(0)
    expect(count).toBe(dates.length + groups.length)
    const calendar = await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })
    expect(calendar.filter((i) => i.kind === 'meeting_date')).toHaveLength(dates.length)
    expect(calendar.filter((i) => i.kind === 'exam_group')).toHaveLength(groups.length)

    const byUid = (list: Array<{ uid: string }>) => [...list].sort((a, b) => a.uid.localeCompare(b.uid))
    expect(
      byUid(
        events.map((e) => ({
          uid: e.uid,
          start: e.startDate.toJSDate().toISOString(),
          end: e.endDate.toJSDate().toISOString(),
          summary: e.summary,
          location: e.location || null
        }))
      )
    ).toEqual(
      byUid(
        [...dates, ...groups].map((r) => ({
          uid: `${r.uid}@${domain()}`,
          start: warsaw(r.start_time),
          end: warsaw(r.end_time),
          summary: pick(r.name_pl, r.name_en),
          location: place(r)
        }))
      )
    )
    for (const e of events) {
      expect(e.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Warsaw')
      expect(e.component.getFirstProperty('dtend')?.getParameter('tzid')).toBe('Europe/Warsaw')
    }
    expect(events.filter((e) => e.location).length).toBeGreaterThan(0)
  })

  it('keeps every SEQUENCE when nothing changed, and raises by one those of what changed in USOS', async () => {
    const sequences = async (withParticipants: boolean) =>
      Object.fromEntries(
        parse((await api.exportIcs({ withParticipants })).text).map((e) => [e.uid, e.sequence])
      ) as Record<string, number>
    const before = await sequences(true)
    expect(await sequences(true)).toEqual(before)
    expect(await sequences(false)).toEqual(before)
    await api.sync({ full: true })
    expect(await sequences(true)).toEqual(before)

    const m = mirror()
    const dateUid = (id: string) => `meeting-date-${id}@${domain()}`
    // A meeting renamed, a date of another meeting moved by half an hour, an exam renamed ...
    const renamed = m
      .prepare(
        'SELECT meeting_id FROM meeting_dates GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1'
      )
      .pluck()
      .get() as string
    const renamedDates = m
      .prepare('SELECT id FROM meeting_dates WHERE meeting_id = ?')
      .pluck()
      .all(renamed) as string[]
    const moved = m
      .prepare('SELECT id FROM meeting_dates WHERE meeting_id <> ? ORDER BY start_time, id LIMIT 1')
      .pluck()
      .get(renamed) as string
    const exam = m
      .prepare('SELECT exam_id FROM exam_groups WHERE is_examiner = 1 LIMIT 1')
      .pluck()
      .get() as string
    const examGroups = m
      .prepare('SELECT number FROM exam_groups WHERE exam_id = ? AND is_examiner = 1')
      .pluck()
      .all(exam) as number[]
    const usos = new Database(join(dataDir, 'demo-installation', 'demo-installation.sqlite'))
    usos.pragma('busy_timeout = 5000')
    usos
      .prepare(
        "UPDATE meetings_meetings SET name_pl = name_pl || ' (zmiana)', name_en = name_en || ' (changed)' WHERE id = ?"
      )
      .run(renamed)
    usos
      .prepare(
        "UPDATE meetings_dates SET start_time = datetime(start_time, '+30 minutes'), end_time = datetime(end_time, '+30 minutes') WHERE id = ?"
      )
      .run(moved)
    usos
      .prepare(
        "UPDATE exams_exams SET name_pl = name_pl || ' (poprawkowy)', name_en = name_en || ' (resit)' WHERE id = ?"
      )
      .run(exam)
    usos.close()
    // ... and an outside person signed up from the app on a date of a third meeting, with a free seat.
    const joined = (await api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })).find(
      (i) =>
        i.kind === 'meeting_date' &&
        i.id !== moved &&
        !renamedDates.includes(i.id) &&
        (i.acceptedCount ?? 0) < (i.seatsLimit ?? 0)
    )!
    const name = { firstName: 'Zoë; „Ania”, \\ 👩‍🎓', lastName: 'Nowak-Kowalska\nz Wrocławia' }
    const signUp = await api.signUpOutsidePerson({ meetingDateId: joined.id, ...name, status: 'accepted' })
    expect(signUp, signUp.message ?? '').toMatchObject({ outcome: 'done' })
    await api.sync({ full: true })

    const changed = new Set([
      ...renamedDates.map(dateUid),
      dateUid(moved),
      dateUid(joined.id),
      ...examGroups.map((n) => `exam-group-${exam}-${n}@${domain()}`)
    ])
    expect(changed.size).toBe(renamedDates.length + 2 + examGroups.length)
    const after = await sequences(true)
    expect(after).toEqual(
      Object.fromEntries(Object.entries(before).map(([uid, s]) => [uid, changed.has(uid) ? s + 1 : s]))
    )
    const events = parse((await api.exportIcs({ withParticipants: true })).text)
    expect(events.find((e) => e.uid === dateUid(joined.id))!.description).toContain(
      `${name.firstName} ${name.lastName}`
    )
    expect(events.find((e) => e.uid === dateUid(renamedDates[0]!))!.summary).toMatch(/ \(zmiana\)$/)
    // Without names: the same SEQUENCEs (one per UID), and again the same on re-export.
    expect(await sequences(false)).toEqual(after)
    expect(await sequences(false)).toEqual(after)
    expect(await sequences(true)).toEqual(after)
  })

  it('keeps the file rewritten after each sync in step: same SEQUENCEs, raised only by a change', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'auto-ics-')), 'office-hours.ics')
    const sequences = (text: string) =>
      Object.fromEntries(parse(text).map((e) => [e.uid, e.sequence])) as Record<string, number>
    await api.updateSettings({ autoExportIcsPath: file })
    try {
      expect((await api.sync({})).autoExport).toMatchObject({ path: file, error: null })
      const first = sequences(readFileSync(file, 'utf8'))
      expect(first).toEqual(sequences((await api.exportIcs({})).text))
      await api.sync({ full: true })
      expect(sequences(readFileSync(file, 'utf8'))).toEqual(first)

      const last = mirror()
        .prepare('SELECT id FROM meeting_dates ORDER BY start_time DESC, id DESC LIMIT 1')
        .pluck()
        .get() as string
      const usos = new Database(join(dataDir, 'demo-installation', 'demo-installation.sqlite'))
      usos.pragma('busy_timeout = 5000')
      usos
        .prepare("UPDATE meetings_dates SET end_time = datetime(end_time, '+15 minutes') WHERE id = ?")
        .run(last)
      usos.close()
      await api.sync({ full: true })
      const uid = `meeting-date-${last}@${domain()}`
      expect(sequences(readFileSync(file, 'utf8'))).toEqual({ ...first, [uid]: first[uid]! + 1 })
    } finally {
      await api.updateSettings({ autoExportIcsPath: null })
    }
  })

  it("carries the reminder chosen in the settings, in the file kept up to date and in the window's exports", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'alarm-ics-')), 'office-hours.ics')
    /** Per event: the minutes before its start each of its VALARMs (DISPLAY, with a text) goes off. */
    const alarms = (text: string) => {
      const events = parse(text)
      expect(events.length).toBeGreaterThan(0)
      return [
        ...new Set(
          events.map((e) =>
            e.component
              .getAllSubcomponents('valarm')
              .map((a) => {
                expect(a.getFirstPropertyValue('action')).toBe('DISPLAY')
                expect(a.getFirstPropertyValue('description')).toBe('Przypomnienie: dyżur')
                return -(a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 60
              })
              .join(',')
          )
        )
      ]
    }
    const meetingId = mirror().prepare('SELECT id FROM meetings LIMIT 1').pluck().get() as string
    try {
      expect(
        (await api.updateSettings({ autoExportIcsPath: file, icsAlarmMinutes: 15 })).icsAlarmMinutes
      ).toBe(15)
      expect((await api.sync({})).autoExport).toMatchObject({ path: file, error: null })
      expect(alarms(readFileSync(file, 'utf8'))).toEqual(['15'])
      // The calendar's "Export this view" and a meeting's own export.
      expect(alarms((await api.exportIcs({})).text)).toEqual(['15'])
      expect(alarms((await api.exportIcs({ meetingId })).text)).toEqual(['15'])

      await api.updateSettings({ icsAlarmMinutes: 1440 })
      await api.sync({})
      expect(alarms(readFileSync(file, 'utf8'))).toEqual(['1440'])
      expect(alarms((await api.exportIcs({ meetingId })).text)).toEqual(['1440'])

      await api.updateSettings({ icsAlarmMinutes: null })
      await api.sync({})
      expect(alarms(readFileSync(file, 'utf8'))).toEqual([''])
      expect(alarms((await api.exportIcs({})).text)).toEqual([''])
    } finally {
      await api.updateSettings({ autoExportIcsPath: null, icsAlarmMinutes: null })
    }
  })
})

/**
 * ICS calendars from the mirror, written by ical.js (Mozilla's iCalendar library: RFC 5545
 * escaping, CRLF, folding by UTF-8 octets) with the VTIMEZONE block from timezones-ical-library.
 * USOS times are already Europe/Warsaw wall-clock times, so they go out as-is with that TZID. Each meeting date keeps one UID
 * across exports and its SEQUENCE is the mirror's revision, which grows when the date changes, so
 * subscribed calendars update events instead of duplicating them.
 */
import type Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { tzlib_get_ical_block } from 'timezones-ical-library'
import type { Language } from '../../shared/types'
import { stmt } from '../mirror/statements'

export const ICS_ZONE = 'Europe/Warsaw'

export interface IcsOptions {
  /** Days (YYYY-MM-DD), from inclusive, to exclusive. */
  from?: string
  to?: string
  meetingId?: string
  /** Add the participants' names to each description (off by default: personal data). */
  withParticipants?: boolean
  language?: Language
  /** Domain part of the UIDs: the installation's host, so two installations never collide. */
  uidDomain: string
  calendarName?: string
  now?: () => Date
}

interface DateRow {
  id: string
  meeting_id: string
  start_time: string
  end_time: string
  revision: number
  comment_pl: string | null
  comment_en: string | null
  name_pl: string | null
  name_en: string | null
  meeting_comment_pl: string | null
  meeting_comment_en: string | null
  room_number: string | null
  building_pl: string | null
  building_en: string | null
}

const pick = (pl: string | null, en: string | null, language: Language) =>
  (language === 'pl' ? pl || en : en || pl) ?? ''

// Continuation lines start with a space that ical.js does not count: 74 + 1 keeps every line
// within RFC 5545's 75 octets.
ICAL.foldLength = 74

type JCalProperty = [string, Record<string, string>, string, ...unknown[]]

/** A USOS local datetime ("YYYY-MM-DD HH:MM:SS") as a jCal date-time in the installation's zone. */
function zoned(name: string, value: string): JCalProperty {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) throw new Error(`not a USOS datetime: ${value}`)
  return [name, { tzid: ICS_ZONE }, 'date-time', value.replace(' ', 'T')]
}

let vtimezone: unknown = null
function zoneJCal(): unknown {
  if (!vtimezone) {
    const block = tzlib_get_ical_block(ICS_ZONE)[0]
    if (!block) throw new Error(`no VTIMEZONE for ${ICS_ZONE}`)
    vtimezone = ICAL.parse(block)
  }
  return vtimezone
}

export function buildIcs(db: Database.Database, options: IcsOptions): { text: string; count: number } {
  const language = options.language ?? 'pl'
  const where: string[] = []
  const args: string[] = []
  if (options.from) {
    where.push('d.start_time >= ?')
    args.push(`${options.from} 00:00:00`)
  }
  if (options.to) {
    where.push('d.start_time < ?')
    args.push(`${options.to} 00:00:00`)
  }
  if (options.meetingId) {
    where.push('d.meeting_id = ?')
    args.push(options.meetingId)
  }
  const rows = stmt(
    db,
    `SELECT d.id, d.meeting_id, d.start_time, d.end_time, d.revision, d.comment_pl, d.comment_en,
            m.name_pl, m.name_en, m.comment_pl AS meeting_comment_pl, m.comment_en AS meeting_comment_en,
            r.number AS room_number, r.building_name_pl AS building_pl, r.building_name_en AS building_en
     FROM meeting_dates d JOIN meetings m ON m.id = d.meeting_id LEFT JOIN rooms r ON r.id = d.room_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY d.start_time, d.id`
  ).all(...args) as DateRow[]

  const names = options.withParticipants
    ? stmt(
        db,
        `SELECT COALESCE(u.first_name, p.external_first_name, '') || ' ' || COALESCE(u.last_name, p.external_last_name, '') AS name,
                p.is_reserve
         FROM participants p LEFT JOIN users u ON u.id = p.user_id
         WHERE p.meeting_date_id = ? AND p.status <> 'rejected'
         ORDER BY p.is_reserve, p.number_in_queue`
      )
    : null

  // Built as jCal (RFC 7265) arrays and serialized by ical.js in one pass: several times faster
  // than building Component objects, with the same escaping and folding.
  const events: unknown[] = []
  const stamp = (options.now ?? (() => new Date()))().toISOString().slice(0, 19) + 'Z'
  for (const r of rows) {
    const lines: string[] = []
    const comment =
      pick(r.comment_pl, r.comment_en, language) || pick(r.meeting_comment_pl, r.meeting_comment_en, language)
    if (comment) lines.push(comment)
    if (names) {
      const people = names.all(r.id) as Array<{ name: string; is_reserve: number }>
      if (people.length) {
        lines.push('')
        lines.push(language === 'pl' ? 'Uczestnicy:' : 'Participants:')
        for (const p of people)
          lines.push(
            `${p.name.trim()}${p.is_reserve ? (language === 'pl' ? ' (rezerwa)' : ' (reserve)') : ''}`
          )
      }
    }
    const building = pick(r.building_pl, r.building_en, language)
    const props: JCalProperty[] = [
      ['uid', {}, 'text', `meeting-date-${r.id}@${options.uidDomain}`],
      ['dtstamp', {}, 'date-time', stamp],
      ['sequence', {}, 'integer', r.revision],
      zoned('dtstart', r.start_time),
      zoned('dtend', r.end_time),
      [
        'summary',
        {},
        'text',
        pick(r.name_pl, r.name_en, language) || (language === 'pl' ? 'Dyżur' : 'Office hours')
      ]
    ]
    if (r.room_number)
      props.push(['location', {}, 'text', building ? `${r.room_number}, ${building}` : r.room_number])
    if (lines.length) props.push(['description', {}, 'text', lines.join('\n')])
    events.push(['vevent', props, []])
  }
  // Exam groups the user examines, unless the export is for one meeting only.
  if (!options.meetingId) {
    const groups = stmt(
      db,
      `SELECT g.exam_id, g.number, g.exam_start, g.exam_end, g.revision, e.name_pl, e.name_en, e.course_id,
              r.number AS room_number, r.building_name_pl AS building_pl, r.building_name_en AS building_en
       FROM exam_groups g JOIN exams e ON e.id = g.exam_id LEFT JOIN rooms r ON r.id = g.room_id
       WHERE g.is_examiner = 1 AND g.exam_start >= ? AND g.exam_start < ? ORDER BY g.exam_start`
    ).all(
      options.from ? `${options.from} 00:00:00` : '0000',
      options.to ? `${options.to} 00:00:00` : '9999'
    ) as Array<{
      exam_id: string
      number: number
      exam_start: string
      exam_end: string
      revision: number
      name_pl: string | null
      name_en: string | null
      course_id: string | null
      room_number: string | null
      building_pl: string | null
      building_en: string | null
    }>
    for (const g of groups) {
      const building = pick(g.building_pl, g.building_en, language)
      const name = pick(g.name_pl, g.name_en, language) || (language === 'pl' ? 'Egzamin' : 'Exam')
      const props: JCalProperty[] = [
        ['uid', {}, 'text', `exam-group-${g.exam_id}-${g.number}@${options.uidDomain}`],
        ['dtstamp', {}, 'date-time', stamp],
        ['sequence', {}, 'integer', g.revision],
        zoned('dtstart', g.exam_start),
        zoned('dtend', g.exam_end),
        ['summary', {}, 'text', g.course_id ? `${name} (${g.course_id})` : name],
        ['categories', {}, 'text', language === 'pl' ? 'Egzamin' : 'Exam']
      ]
      if (g.room_number)
        props.push(['location', {}, 'text', building ? `${g.room_number}, ${building}` : g.room_number])
      events.push(['vevent', props, []])
    }
  }
  return {
    text: calendarText(events, language, options.calendarName),
    count: events.length
  }
}

/** The VCALENDAR around the events, with the zone's VTIMEZONE, serialized by ical.js. */
function calendarText(events: unknown[], language: Language, calendarName?: string): string {
  const calendar = [
    'vcalendar',
    [
      ['prodid', {}, 'text', `-//USOS Office Hours//office-hours//${language.toUpperCase()}`],
      ['version', {}, 'text', '2.0'],
      ['calscale', {}, 'text', 'GREGORIAN'],
      [
        'x-wr-calname',
        {},
        'text',
        calendarName ?? (language === 'pl' ? 'Dyżury (USOS)' : 'Office hours (USOS)')
      ]
    ],
    [zoneJCal(), ...events]
  ]
  // ical.js ends the last line without CRLF; RFC 5545 wants every content line terminated.
  return `${ICAL.stringify(calendar as unknown as Parameters<typeof ICAL.stringify>[0])}\r\n`
}

/**
 * A planner draft's dates as ICS (not yet in USOS): each date keeps its UID across exports
 * (`draft-<draft id>-<day>`), and the SEQUENCE is the draft's revision, which grows with every edit.
 */
export function buildDraftIcs(
  draft: { id: string; name: string; room: string | null; comment: string | null; revision: number },
  dates: ReadonlyArray<{ date: string; start: string; end: string }>,
  options: { uidDomain: string; language?: Language; now?: () => Date }
): { text: string; count: number } {
  const language = options.language ?? 'pl'
  const stamp = (options.now ?? (() => new Date()))().toISOString().slice(0, 19) + 'Z'
  const events = dates.map((d) => {
    const props: JCalProperty[] = [
      ['uid', {}, 'text', `draft-${draft.id}-${d.date}@${options.uidDomain}`],
      ['dtstamp', {}, 'date-time', stamp],
      ['sequence', {}, 'integer', draft.revision],
      zoned('dtstart', d.start),
      zoned('dtend', d.end),
      ['summary', {}, 'text', draft.name],
      ['status', {}, 'text', 'TENTATIVE'],
      ['categories', {}, 'text', language === 'pl' ? 'Szkic' : 'Draft']
    ]
    if (draft.room) props.push(['location', {}, 'text', draft.room])
    if (draft.comment) props.push(['description', {}, 'text', draft.comment])
    return ['vevent', props, []]
  })
  return {
    text: calendarText(events, language, `${draft.name} (${language === 'pl' ? 'szkic' : 'draft'})`),
    count: events.length
  }
}

/**
 * ICS calendars from the mirror. Every content line is written by ical.js (Mozilla's iCalendar
 * library: RFC 5545 escaping, folding by UTF-8 octets), with the VTIMEZONE block from
 * timezones-ical-library. USOS times are already Europe/Warsaw wall-clock times, so they go out
 * as-is with that TZID.
 *
 * Each event keeps one UID across exports. Its SEQUENCE grows exactly when what the export writes
 * for it changes: the mirror keeps, per UID and export variant (language; participants' names
 * or not), a hash of the event's lines less DTSTAMP and SEQUENCE and the SEQUENCE written with
 * them (schema-ics.ts). A renamed meeting or exam, a moved date, another room, a new comment or, when
 * names are exported, a changed participant list all raise it; exporting again with nothing
 * changed keeps it. So subscribed calendars update events instead of duplicating them.
 */
import { hash } from 'node:crypto'
import type Database from 'better-sqlite3'
import ICAL from 'ical.js'
import { tzlib_get_ical_block } from 'timezones-ical-library'
import type { Language } from '../../shared/types'
import { stmt } from '../mirror/statements'
import { ICS_ALARM_MINUTES, type IcsAlarmMinutes } from '../../shared/reminders'

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
  /** A reminder this many minutes before each event (a VALARM that displays), or none. */
  alarmMinutes?: AlarmMinutes | null
  /**
   * Planner drafts' dates to include (as the calendar shows them): TENTATIVE, categorised as
   * drafts, with the same UIDs as a draft's own export.
   */
  drafts?: ReadonlyArray<{
    draftId: string
    name: string
    room: string | null
    date: string
    start: string
    end: string
  }>
}

/** The reminders offered: 15 minutes, an hour, a day before (the settings offer the same). */
export const ALARM_MINUTES = ICS_ALARM_MINUTES
export type AlarmMinutes = IcsAlarmMinutes

/** `15m`, `1h`, `1d` (the CLI's --alarm) as minutes; anything else is refused. */
export function parseAlarm(value: string): AlarmMinutes {
  const minutes = { '15m': 15, '1h': 60, '1d': 1440 }[value] as AlarmMinutes | undefined
  if (minutes === undefined) throw new Error(`--alarm must be 15m, 1h or 1d, got "${value}"`)
  return minutes
}

/**
 * The VALARM block (RFC 5545 §3.6.6: ACTION DISPLAY needs a DESCRIPTION and a TRIGGER), written by
 * ical.js once per export; the trigger is relative to the event's start.
 */
function alarmText(minutes: AlarmMinutes | null | undefined, language: Language): string {
  if (!minutes) return ''
  const valarm = new ICAL.Component('valarm')
  valarm.addPropertyWithValue('action', 'DISPLAY')
  valarm.addPropertyWithValue(
    'description',
    language === 'pl' ? 'Przypomnienie: dyżur' : 'Reminder: office hours'
  )
  valarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-minutes * 60))
  return valarm.toString() + CRLF
}

const pick = (pl: string | null, en: string | null, language: Language) =>
  (language === 'pl' ? pl || en : en || pl) ?? ''

// Continuation lines start with a space that ical.js does not count: 74 + 1 keeps every line
// within RFC 5545's 75 octets.
ICAL.foldLength = 74

const CRLF = '\r\n'
const USOS_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

type JCalProperty = [string, Record<string, string>, string, string | number]

const design = ICAL.design.icalendar
/** ical.js's value writers (RFC 5545 escaping of text, the basic format of date-times). */
const values = design.value as Record<'text' | 'date-time', { toICAL(value: string): string }>

/**
 * Folded by ical.js when longer than a line may be: its fold leaves shorter lines as they are,
 * and most lines are short.
 */
const fold = (unfolded: string) =>
  unfolded.length <= 24 || Buffer.byteLength(unfolded, 'utf8') <= ICAL.foldLength
    ? unfolded
    : ICAL.helpers.foldline(unfolded)

/** One content line by ical.js. */
const line = (property: JCalProperty) => fold(ICAL.stringify.property(property, design, true))

/**
 * A line's start by ical.js: the name and parameters up to the colon, the same for every event
 * (ical.js writes a property without a value so), to go before a value written by `values`.
 */
const lineStart = (name: string, params: Record<string, string>, type: string) =>
  ICAL.stringify.property([name, params, type], design, true)
const UID = lineStart('uid', {}, 'text')
const DTSTART = lineStart('dtstart', { tzid: ICS_ZONE }, 'date-time')
const DTEND = lineStart('dtend', { tzid: ICS_ZONE }, 'date-time')

let vtimezone: string | null = null
/** The zone's VTIMEZONE, written by ical.js once per process. */
function zoneText(): string {
  if (vtimezone === null) {
    const block = tzlib_get_ical_block(ICS_ZONE)[0]
    if (!block) throw new Error(`no VTIMEZONE for ${ICS_ZONE}`)
    vtimezone = ICAL.stringify.component(ICAL.parse(block) as unknown[], ICAL.design.icalendar)
  }
  return vtimezone
}

/**
 * What the mirror holds for a UID: its SEQUENCE (the greatest any variant wrote), and the hash
 * and SEQUENCE this variant of the export last wrote for it (null: this variant never did); null
 * as a whole: never exported.
 */
type Stored = readonly [sequence: number, hash: string | null, written: number | null] | null

/** One event before its SEQUENCE is known. */
interface EventContent {
  uid: string
  /**
   * The mirror's own revision of the event: the SEQUENCE a UID starts from the first time it is
   * exported with content hashes (what earlier versions wrote), so no calendar sees it go down.
   */
  revision: number
  /** USOS local datetimes ("YYYY-MM-DD HH:MM:SS", Europe/Warsaw). */
  start: string
  end: string
  /** The lines after DTSTART and DTEND (SUMMARY, LOCATION ...), from `IcsWriter.text`. */
  lines: string[]
}

/**
 * Writes one calendar. Lines that repeat across events (a meeting's SUMMARY, a room's LOCATION,
 * a comment, small SEQUENCE numbers, DTSTAMP) are written by ical.js once per export; the
 * VTIMEZONE once per process.
 *
 * Each event's SEQUENCE: a UID seen for the first time starts at its revision. Afterwards the
 * UID's SEQUENCE is raised by one when this variant's hash differs from what it wrote last,
 * unless another variant has raised it since then (one change, one step, however the variants
 * alternate); otherwise it stays. So it never goes down, and each file's SEQUENCE grows with each
 * change of what that file says. `save` stores what changed, in the export's transaction.
 */
class IcsWriter {
  private readonly repeated = new Map<string, Map<string, string>>()
  private readonly sequences = new Map<number, string>()
  private readonly digests = new Map<string, string>()
  private readonly tails = new Map<readonly string[], { text: string; digests: string }>()
  private readonly stampLine: string
  private readonly changes: Array<[uid: string, hash: string, sequence: number]> = []
  /** The events written so far, joined once at the end. */
  private readonly events: string[] = []
  count = 0

  constructor(
    now: Date,
    readonly variant: string,
    private readonly alarm = ''
  ) {
    this.stampLine = line(['dtstamp', {}, 'date-time', now.toISOString().slice(0, 19) + 'Z'])
  }

  /** A text property's line, written once per export for each value. */
  text(name: string, value: string): string {
    let byValue = this.repeated.get(name)
    if (!byValue) this.repeated.set(name, (byValue = new Map()))
    let l = byValue.get(value)
    if (l === undefined) {
      l = line([name, {}, 'text', value])
      byValue.set(value, l)
    }
    return l
  }

  add(e: EventContent, stored: Stored): void {
    const start = zoned(DTSTART, e.start)
    const end = zoned(DTEND, e.end)
    const tail = this.tailOf(e.lines)
    // The hash of the lines after SEQUENCE, from each repeated line's own hash (taken once).
    const hashed = `${start}${CRLF}${end}${tail.digests}`
    const h = hash('sha1', hashed, 'base64')
    let sequence: number
    if (!stored) {
      sequence = e.revision
      this.changes.push([e.uid, h, sequence])
    } else {
      const [current, before, written] = stored
      sequence = before !== null && before !== h && written === current ? current + 1 : current
      if (before !== h || written !== sequence) this.changes.push([e.uid, h, sequence])
    }
    let seq = this.sequences.get(sequence)
    if (seq === undefined) this.sequences.set(sequence, (seq = line(['sequence', {}, 'integer', sequence])))
    this.write(
      `BEGIN:VEVENT${CRLF}${fold(UID + values.text.toICAL(e.uid))}${CRLF}${this.stampLine}${CRLF}${seq}${CRLF}${start}${CRLF}${end}${CRLF}${tail.text}`
    )
  }

  /**
   * The text after DTEND (with the reminder and END:VEVENT) and the line digests the hash is
   * taken over, once per lines array: events that share theirs (a meeting's dates in one room
   * with no comment of their own) share this work.
   */
  private tailOf(lines: readonly string[]): { text: string; digests: string } {
    let tail = this.tails.get(lines)
    if (tail === undefined) {
      let text = ''
      let digests = ''
      for (const l of lines) {
        text += l + CRLF
        let digest = this.digests.get(l)
        if (digest === undefined) this.digests.set(l, (digest = hash('sha1', l, 'base64')))
        digests += CRLF + digest
      }
      tail = { text: `${text}${this.alarm}END:VEVENT${CRLF}`, digests }
      this.tails.set(lines, tail)
    }
    return tail
  }

  /** Adds events whose stored state is not known yet, reading it in one query. */
  addAll(db: Database.Database, events: EventContent[]): void {
    if (!events.length) return
    const rows = stmt(
      db,
      `SELECT x.uid, max(x.sequence) AS sequence,
              max(CASE WHEN x.variant = @variant THEN x.hash END) AS hash,
              max(CASE WHEN x.variant = @variant THEN x.sequence END) AS written
       FROM json_each(@uids) j JOIN ics_events x ON x.uid = j.value GROUP BY x.uid`
    ).all({ uids: JSON.stringify(events.map((e) => e.uid)), variant: this.variant }) as Array<{
      uid: string
      sequence: number
      hash: string | null
      written: number | null
    }>
    const stored = new Map(rows.map((r) => [r.uid, [r.sequence, r.hash, r.written] as const]))
    for (const e of events) this.add(e, stored.get(e.uid) ?? null)
  }

  /** Stores the hashes and SEQUENCEs that changed. */
  save(db: Database.Database): void {
    const set = stmt(
      db,
      `INSERT INTO ics_events (uid, variant, hash, sequence) VALUES (?, ?, ?, ?)
       ON CONFLICT(uid, variant) DO UPDATE SET hash = excluded.hash, sequence = excluded.sequence`
    )
    for (const [uid, h, sequence] of this.changes) set.run(uid, this.variant, h, sequence)
    this.changes.length = 0
  }

  /** The VCALENDAR around the events; every line ends in CRLF, as RFC 5545 wants. */
  calendar(language: Language, calendarName: string): string {
    const head = [
      line(['prodid', {}, 'text', `-//USOS Office Hours//office-hours//${language.toUpperCase()}`]),
      line(['version', {}, 'text', '2.0']),
      line(['calscale', {}, 'text', 'GREGORIAN']),
      line(['x-wr-calname', {}, 'text', calendarName])
    ]
    const events = this.events.join('')
    return `BEGIN:VCALENDAR${CRLF}${head.join(CRLF)}${CRLF}${zoneText()}${CRLF}${events}END:VCALENDAR${CRLF}`
  }

  private write(event: string): void {
    this.events.push(event)
    this.count++
  }
}

/** A USOS local datetime as a date-time line in the installation's zone (never floating). */
function zoned(start: string, value: string): string {
  if (!USOS_DATETIME.test(value)) throw new Error(`not a USOS datetime: ${value}`)
  return fold(start + values['date-time'].toICAL(value.replace(' ', 'T')))
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '')

export function buildIcs(db: Database.Database, options: IcsOptions): { text: string; count: number } {
  const language = options.language ?? 'pl'
  const conditions: string[] = []
  const args: string[] = []
  if (options.from) {
    conditions.push('d.start_time >= ?')
    args.push(`${options.from} 00:00:00`)
  }
  if (options.to) {
    conditions.push('d.start_time < ?')
    args.push(`${options.to} 00:00:00`)
  }
  if (options.meetingId) {
    conditions.push('d.meeting_id = ?')
    args.push(options.meetingId)
  }
  // Each variant of the file (language, participants, reminder) keeps its own SEQUENCE history.
  const writer = new IcsWriter(
    (options.now ?? (() => new Date()))(),
    `${language}${options.withParticipants ? '+participants' : ''}${options.alarmMinutes ? `+alarm${options.alarmMinutes}` : ''}`,
    alarmText(options.alarmMinutes, language)
  )
  db.transaction(() => {
    meetingDateEvents(db, writer, options, language, conditions, args)
    // Exam groups the user examines, unless the export is for one meeting only.
    if (!options.meetingId) writer.addAll(db, examGroupEvents(db, writer, options, language))
    if (options.drafts?.length)
      writer.addAll(db, draftEvents(writer, options.drafts, options.uidDomain, language))
    writer.save(db)
  }).immediate()
  return {
    text: writer.calendar(
      language,
      options.calendarName ?? (language === 'pl' ? 'Dyżury (USOS)' : 'Office hours (USOS)')
    ),
    count: writer.count
  }
}

function meetingDateEvents(
  db: Database.Database,
  writer: IcsWriter,
  options: IcsOptions,
  language: Language,
  conditions: string[],
  args: string[]
): void {
  // Meetings and rooms are few: read once, each one's lines written once.
  const meetings = new Map<string, { summary: string; comment: string }>()
  for (const m of stmt(
    db,
    'SELECT id, name_pl, name_en, comment_pl, comment_en FROM meetings'
  ).all() as Array<{
    id: string
    name_pl: string | null
    name_en: string | null
    comment_pl: string | null
    comment_en: string | null
  }>)
    meetings.set(m.id, {
      summary: writer.text(
        'summary',
        pick(m.name_pl, m.name_en, language) || (language === 'pl' ? 'Dyżur' : 'Office hours')
      ),
      comment: pick(m.comment_pl, m.comment_en, language)
    })
  const rooms = new Map<string, string>()
  for (const r of stmt(
    db,
    'SELECT id, number, building_name_pl AS building_pl, building_name_en AS building_en FROM rooms'
  ).all() as Array<RoomRow & { id: string }>) {
    const location = locationOf(r, language)
    if (location) rooms.set(r.id, writer.text('location', location))
  }
  const people = options.withParticipants ? participantsOf(db, conditions, args, language) : null
  const noMeeting = {
    summary: writer.text('summary', language === 'pl' ? 'Dyżur' : 'Office hours'),
    comment: ''
  }

  // Rows as arrays, with what the mirror holds for each UID (spelt as below) joined in: one narrow pass.
  const rows = stmt(
    db,
    `SELECT d.id, d.meeting_id, d.start_time, d.end_time, d.revision, d.comment_pl, d.comment_en, d.room_id,
            (SELECT max(x.sequence) FROM ics_events x WHERE x.uid = 'meeting-date-' || d.id || '@' || @domain),
            h.hash, h.sequence
     FROM meeting_dates d
     LEFT JOIN ics_events h ON h.uid = 'meeting-date-' || d.id || '@' || @domain AND h.variant = @variant
     ${where(conditions)} ORDER BY d.start_time, d.id`
  )
    .raw(true)
    .all({ domain: options.uidDomain, variant: writer.variant }, ...args) as Array<
    [
      id: string,
      meetingId: string,
      start: string,
      end: string,
      revision: number,
      commentPl: string | null,
      commentEn: string | null,
      roomId: string | null,
      sequence: number | null,
      hash: string | null,
      written: number | null
    ]
  >
  const participantsHeading = language === 'pl' ? 'Uczestnicy:' : 'Participants:'
  const linesOf = new Map<string, string[]>()
  for (const [
    id,
    meetingId,
    start,
    end,
    revision,
    commentPl,
    commentEn,
    roomId,
    sequence,
    h,
    written
  ] of rows) {
    const names = people?.get(id)
    // Dates without participants' names that share a meeting, a room and a comment share one
    // lines array (and so its text and digests, see IcsWriter.tailOf).
    const key = names?.length ? null : `${meetingId}\u0000${roomId}\u0000${commentPl}\u0000${commentEn}`
    let lines = key === null ? undefined : linesOf.get(key)
    if (lines === undefined) {
      const m = meetings.get(meetingId) ?? noMeeting
      lines = [m.summary]
      const location = roomId === null ? undefined : rooms.get(roomId)
      if (location) lines.push(location)
      // The date's own comment first; the meeting's too when it says something else.
      const own = pick(commentPl, commentEn, language)
      let description = own
      if (m.comment && m.comment.trim() !== own.trim())
        description = description ? `${description}\n\n${m.comment}` : m.comment
      if (names?.length)
        description = `${description ? `${description}\n\n` : ''}${participantsHeading}\n${names.join('\n')}`
      if (description) lines.push(writer.text('description', description))
      if (key !== null) linesOf.set(key, lines)
    }
    writer.add(
      { uid: `meeting-date-${id}@${options.uidDomain}`, revision, start, end, lines },
      sequence === null ? null : [sequence, h, written]
    )
  }
}

interface RoomRow {
  number: string | null
  building_pl: string | null
  building_en: string | null
}

function locationOf(room: RoomRow, language: Language): string {
  if (!room.number) return ''
  const building = pick(room.building_pl, room.building_en, language)
  return building ? `${room.number}, ${building}` : room.number
}

/** Names of each date's participants (not the rejected), main list first, in queue order. */
function participantsOf(
  db: Database.Database,
  conditions: string[],
  args: string[],
  language: Language
): Map<string, string[]> {
  const reserve = language === 'pl' ? ' (rezerwa)' : ' (reserve)'
  const rows = stmt(
    db,
    `SELECT p.meeting_date_id AS date_id, p.is_reserve,
            COALESCE(u.first_name, p.external_first_name, '') || ' ' || COALESCE(u.last_name, p.external_last_name, '') AS name
     FROM participants p JOIN meeting_dates d ON d.id = p.meeting_date_id LEFT JOIN users u ON u.id = p.user_id
     ${where([...conditions, "p.status <> 'rejected'"])}
     ORDER BY p.meeting_date_id, p.is_reserve, p.number_in_queue`
  ).all(...args) as Array<{ date_id: string; is_reserve: number; name: string }>
  const byDate = new Map<string, string[]>()
  for (const p of rows) {
    let names = byDate.get(p.date_id)
    if (!names) byDate.set(p.date_id, (names = []))
    names.push(`${p.name.trim()}${p.is_reserve ? reserve : ''}`)
  }
  return byDate
}

function examGroupEvents(
  db: Database.Database,
  writer: IcsWriter,
  options: IcsOptions,
  language: Language
): EventContent[] {
  const groups = stmt(
    db,
    `SELECT g.exam_id, g.number, g.exam_start, g.exam_end, g.revision, e.name_pl, e.name_en, e.course_id,
            r.number AS room_number, r.building_name_pl AS building_pl, r.building_name_en AS building_en
     FROM exam_groups g JOIN exams e ON e.id = g.exam_id LEFT JOIN rooms r ON r.id = g.room_id
     WHERE g.is_examiner = 1 AND g.exam_start >= ? AND g.exam_start < ?
     ORDER BY g.exam_start, g.exam_id, g.number`
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
  const category = writer.text('categories', language === 'pl' ? 'Egzamin' : 'Exam')
  return groups.map((g) => {
    const name = pick(g.name_pl, g.name_en, language) || (language === 'pl' ? 'Egzamin' : 'Exam')
    const lines = [writer.text('summary', g.course_id ? `${name} (${g.course_id})` : name), category]
    const location = locationOf(
      { number: g.room_number, building_pl: g.building_pl, building_en: g.building_en },
      language
    )
    if (location) lines.push(writer.text('location', location))
    return {
      uid: `exam-group-${g.exam_id}-${g.number}@${options.uidDomain}`,
      revision: g.revision,
      start: g.exam_start,
      end: g.exam_end,
      lines
    }
  })
}

/** Drafts' dates among the mirror's events: each draft's lines written once. */
function draftEvents(
  writer: IcsWriter,
  dates: NonNullable<IcsOptions['drafts']>,
  uidDomain: string,
  language: Language
): EventContent[] {
  const linesOf = new Map<string, string[]>()
  return dates.map((d) => {
    let lines = linesOf.get(d.draftId)
    if (!lines) {
      lines = [
        writer.text('summary', d.name),
        writer.text('status', 'TENTATIVE'),
        writer.text('categories', language === 'pl' ? 'Szkic' : 'Draft')
      ]
      if (d.room) lines.push(writer.text('location', d.room))
      linesOf.set(d.draftId, lines)
    }
    return {
      uid: `draft-${d.draftId}-${d.date}@${uidDomain}`,
      revision: 0,
      start: d.start,
      end: d.end,
      lines
    }
  })
}

/**
 * A planner draft's dates as ICS (not yet in USOS): each date keeps its UID across exports
 * (`draft-<draft id>-<day>`), and its SEQUENCE grows when what is written for it changes, as for
 * the mirror's events (starting from the draft's revision).
 */
export function buildDraftIcs(
  db: Database.Database,
  draft: { id: string; name: string; room: string | null; comment: string | null; revision: number },
  dates: ReadonlyArray<{ date: string; start: string; end: string }>,
  options: { uidDomain: string; language?: Language; now?: () => Date }
): { text: string; count: number } {
  const language = options.language ?? 'pl'
  const writer = new IcsWriter((options.now ?? (() => new Date()))(), language)
  const lines = [
    writer.text('summary', draft.name),
    writer.text('status', 'TENTATIVE'),
    writer.text('categories', language === 'pl' ? 'Szkic' : 'Draft')
  ]
  if (draft.room) lines.push(writer.text('location', draft.room))
  if (draft.comment) lines.push(writer.text('description', draft.comment))
  db.transaction(() => {
    writer.addAll(
      db,
      dates.map((d) => ({
        uid: `draft-${draft.id}-${d.date}@${options.uidDomain}`,
        revision: draft.revision,
        start: d.start,
        end: d.end,
        lines
      }))
    )
    writer.save(db)
  }).immediate()
  return {
    text: writer.calendar(language, `${draft.name} (${language === 'pl' ? 'szkic' : 'draft'})`),
    count: writer.count
  }
}

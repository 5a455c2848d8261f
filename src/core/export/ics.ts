/**
 * ICS calendars from the mirror. The content lines are written by ical.js (Mozilla's iCalendar
 * library: RFC 5545 escaping, folding by UTF-8 octets), with the VTIMEZONE block from
 * timezones-ical-library; only the parts that differ from event to event and need neither
 * escaping nor folding (a UID of letters, digits and `@._-`; the digits of a checked date-time)
 * are copied into the file's bytes as ical.js would write them, so that 10,000 events take tens
 * of milliseconds. USOS times are already Europe/Warsaw wall-clock times, so they go out as-is
 * with that TZID.
 *
 * Each event keeps one UID across exports. Its SEQUENCE grows exactly when what the export writes
 * for it changes: the mirror keeps, per UID and export variant (language; participants' names
 * or not), a fingerprint of the event's lines less DTSTAMP and SEQUENCE and the SEQUENCE written
 * with them (schema-ics.ts). A renamed meeting or exam, a moved date, another room, a new comment or, when
 * names are exported, a changed participant list all raise it; exporting again with nothing
 * changed keeps it. So subscribed calendars update events instead of duplicating them.
 */
import { Buffer } from 'node:buffer'
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
/** `pick` in SQL, over two columns. */
const pickSql = (pl: string, en: string, language: Language) => {
  const [first, second] = language === 'pl' ? [pl, en] : [en, pl]
  return `coalesce(nullif(${first}, ''), ${second}, '')`
}

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
 * and most lines are short (up to 74 characters of ASCII need no counting of octets).
 */
const fold = (unfolded: string) =>
  unfolded.length <= 24 ||
  (unfolded.length <= ICAL.foldLength && ASCII.test(unfolded)) ||
  Buffer.byteLength(unfolded, 'utf8') <= ICAL.foldLength
    ? unfolded
    : ICAL.helpers.foldline(unfolded)
const ASCII = /^[ -~\t]*$/

/** One content line by ical.js. */
const line = (property: JCalProperty) => fold(ICAL.stringify.property(property, design, true))

/**
 * A line's start by ical.js: the name and parameters up to the colon, the same for every event
 * (ical.js writes a property without a value so), to go before a value written by `values`.
 */
const lineStart = (name: string, params: Record<string, string>, type: string) =>
  ICAL.stringify.property([name, params, type], design, true)
const UID = lineStart('uid', {}, 'text')
/**
 * Letters, digits and `@._-` need no escaping; 70 of them and `UID:` fit a line unfolded. Other
 * UIDs are escaped and folded by ical.js.
 */
const PLAIN = /^[\w.@-]*$/
const PLAIN_UID_LENGTH = 70
const BEGIN_VEVENT = Buffer.from(`BEGIN:VEVENT${CRLF}`, 'utf8')

/**
 * The UIDs of one kind of event, `<prefix><id>@<domain>` (a meeting date's `meeting-date-12@host`):
 * the fixed parts' bytes made once, so a plain id is all that is written per event.
 */
class UidKind {
  readonly suffix: string
  /** BEGIN:VEVENT and the UID line up to the id. */
  readonly head: Uint8Array
  readonly tail: Uint8Array
  /** The longest id that keeps a plain UID within a line, or -1 when the fixed parts are not plain. */
  private readonly room: number

  constructor(
    readonly prefix: string,
    domain: string
  ) {
    this.suffix = `@${domain}`
    this.head = Buffer.from(`BEGIN:VEVENT${CRLF}${UID}${prefix}`, 'utf8')
    this.tail = Buffer.from(this.suffix, 'utf8')
    const fixed = prefix + this.suffix
    this.room = PLAIN.test(fixed) ? PLAIN_UID_LENGTH - fixed.length : -1
  }

  uid(id: string): string {
    return `${this.prefix}${id}${this.suffix}`
  }

  /** Whether the UID with this id needs neither escaping nor folding. */
  plain(id: string): boolean {
    return id.length <= this.room && PLAIN.test(id)
  }
}
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
 * What the mirror holds for the UID `uid` (an SQL expression), with its row of this variant
 * joined as `h`: the UID's SEQUENCE (the greatest any variant wrote; null: never exported) from
 * that row, or (the variant's first export of a UID others wrote) the greatest of the UID's rows;
 * then the fingerprint (or an earlier version's hash) and SEQUENCE this variant last wrote for it
 * (null: it never did). See `IcsWriter.write`.
 */
const STORED_COLUMNS = (uid: string) =>
  `coalesce(h.uid_sequence, (SELECT max(x.sequence) FROM ics_events x WHERE x.uid = ${uid})), h.hash, h.sequence`

/** An event's lines after DTEND, as the file's bytes and as a digest (see `IcsWriter.tail`). */
interface Tail {
  lines: readonly string[]
  bytes: Buffer
  /** A digest of the lines (the fingerprint's part, see `fingerprint`). */
  digest: string
}

/**
 * What the mirror keeps to know an event changed: its start and end (which make its DTSTART and
 * DTEND lines) and a digest of its other lines. Comparing it costs no hashing per event.
 */
const fingerprint = (start: string, end: string, tail: Tail) => `${start}|${end}|${tail.digest}`

/**
 * What versions before the fingerprint kept instead (base64, so never with a `|`): see
 * `IcsWriter.legacyHash`. Still compared when the mirror holds one, so that the first export
 * after the upgrade raises no SEQUENCE by itself.
 */
const isLegacyHash = (kept: string) => !kept.includes('|')

/** One event before its SEQUENCE is known. */
interface EventContent {
  /** Its UID: `kind.uid(id)`. */
  kind: UidKind
  id: string
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
 * UID's SEQUENCE is raised by one when this variant's fingerprint differs from what it wrote last,
 * unless another variant has raised it since then (one change, one step, however the variants
 * alternate); otherwise it stays. So it never goes down, and each file's SEQUENCE grows with each
 * change of what that file says. `save` stores what changed, in the export's transaction.
 */
class IcsWriter {
  private readonly repeated = new Map<string, Map<string, string>>()
  private readonly sequences = new Map<number, Uint8Array>()
  private readonly upToEnd = Buffer.from(`${CRLF}${DTEND}`, 'utf8')
  private readonly digests = new Map<string, string>()
  private readonly tails = new Map<readonly string[], Tail>()
  private readonly stampLine: string
  /** What `save` stores: each changed event's fingerprint and SEQUENCE, and whether it raised the UID's. */
  private readonly changes: Array<[uid: string, kept: string, sequence: number, raised: boolean]> = []
  private readonly kinds = new Map<string, UidKind>()
  /** The events written so far, as the file's UTF-8 bytes. */
  private readonly events = new ByteSink()
  count = 0

  constructor(
    now: Date,
    readonly variant: string,
    private readonly domain: string,
    private readonly alarm = ''
  ) {
    this.stampLine = line(['dtstamp', {}, 'date-time', now.toISOString().slice(0, 19) + 'Z'])
  }

  /** The UIDs starting with `prefix`, in the export's domain. */
  kind(prefix: string): UidKind {
    let kind = this.kinds.get(prefix)
    if (kind === undefined) this.kinds.set(prefix, (kind = new UidKind(prefix, this.domain)))
    return kind
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

  /**
   * Writes one event with its tail (see `tail`) and what the mirror holds for its UID (`current`
   * null: never exported; see `STORED_COLUMNS`), and notes for `save` what changed.
   */
  write(
    kind: UidKind,
    id: string,
    revision: number,
    startTime: string,
    endTime: string,
    tail: Tail,
    current: number | null,
    before: string | null,
    written: number | null
  ): void {
    checkDateTime(startTime)
    checkDateTime(endTime)
    const kept = fingerprint(startTime, endTime, tail)
    let sequence: number
    if (current === null) {
      sequence = revision
      this.changes.push([kind.uid(id), kept, sequence, false])
    } else {
      const changed =
        before !== null &&
        before !== kept &&
        (!isLegacyHash(before) || before !== this.legacyHash(startTime, endTime, tail))
      sequence = changed && written === current ? current + 1 : current
      if (before !== kept || written !== sequence)
        this.changes.push([kind.uid(id), kept, sequence, sequence > current])
    }
    // The event's bytes: its own parts (UID, date-times) written straight into the file's chunk,
    // the rest copied from what was encoded once per export (see `upToStart`, `tail`).
    const sink = this.events
    if (kind.plain(id)) {
      sink.bytes(kind.head)
      sink.ascii(id)
      sink.bytes(kind.tail)
    } else {
      sink.bytes(BEGIN_VEVENT)
      sink.text(fold(UID + values.text.toICAL(kind.uid(id))))
    }
    sink.bytes(this.upToStart(sequence))
    sink.basicDateTime(startTime)
    sink.bytes(this.upToEnd)
    sink.basicDateTime(endTime)
    sink.bytes(tail.bytes)
    this.count++
  }

  /** The bytes from the UID line's end to DTSTART's value: DTSTAMP and SEQUENCE, by ical.js. */
  private upToStart(sequence: number): Uint8Array {
    let bytes = this.sequences.get(sequence)
    if (bytes === undefined) {
      const seq = line(['sequence', {}, 'integer', sequence])
      bytes = Buffer.from(`${CRLF}${this.stampLine}${CRLF}${seq}${CRLF}${DTSTART}`, 'utf8')
      this.sequences.set(sequence, bytes)
    }
    return bytes
  }

  /**
   * The text after DTEND (with the reminder and END:VEVENT) and its digest, once per lines
   * array: events that share theirs (a meeting's dates in one room with no comment of their own)
   * share this work.
   */
  tail(lines: readonly string[]): Tail {
    let tail = this.tails.get(lines)
    if (tail === undefined) {
      const text = lines.map((l) => l + CRLF).join('')
      tail = {
        lines,
        bytes: Buffer.from(`${CRLF}${text}${this.alarm}END:VEVENT${CRLF}`, 'utf8'),
        digest: hash('sha1', text, 'base64')
      }
      this.tails.set(lines, tail)
    }
    return tail
  }

  /**
   * The hash versions before the fingerprint kept: a SHA-1 of the DTSTART and DTEND lines and,
   * after a CRLF each, the SHA-1 of each line after them; each line's taken once per export, and
   * only when a mirror still holds such a hash.
   */
  private legacyHash(startTime: string, endTime: string, tail: Tail): string {
    let hashed = `${zoned(DTSTART, startTime)}${CRLF}${zoned(DTEND, endTime)}`
    for (const l of tail.lines) {
      let digest = this.digests.get(l)
      if (digest === undefined) this.digests.set(l, (digest = hash('sha1', l, 'base64')))
      hashed += CRLF + digest
    }
    return hash('sha1', hashed, 'base64')
  }

  /** Adds events whose stored state is not known yet, reading it in one query. */
  addAll(db: Database.Database, events: EventContent[]): void {
    if (!events.length) return
    const uids = events.map((e) => e.kind.uid(e.id))
    // One row per event, in the events' order (a UID has at most one row per variant).
    const rows = stmt(
      db,
      `SELECT ${STORED_COLUMNS('j.value')}
       FROM json_each(@uids) j
       LEFT JOIN ics_events h ON h.uid = j.value AND h.variant = @variant
       ORDER BY j.key`
    )
      .raw(true)
      .all({ uids: JSON.stringify(uids), variant: this.variant }) as Array<
      [sequence: number | null, kept: string | null, written: number | null]
    >
    events.forEach((e, i) => {
      const [current, before, written] = rows[i]!
      this.write(e.kind, e.id, e.revision, e.start, e.end, this.tail(e.lines), current, before, written)
    })
  }

  /**
   * Stores the fingerprints and SEQUENCEs that changed; a raised SEQUENCE also on the UID's rows of
   * other variants, when any variant other than this one was ever exported.
   */
  save(db: Database.Database): void {
    if (!this.changes.length) return
    const set = stmt(
      db,
      `INSERT INTO ics_events (uid, variant, hash, sequence, uid_sequence) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(uid, variant) DO UPDATE SET hash = excluded.hash, sequence = excluded.sequence,
         uid_sequence = max(uid_sequence, excluded.sequence)`
    )
    let raised = false
    for (const [uid, kept, sequence, raises] of this.changes) {
      set.run(uid, this.variant, kept, sequence, sequence)
      raised ||= raises
    }
    if (
      raised &&
      stmt(db, 'SELECT EXISTS (SELECT 1 FROM ics_events WHERE variant <> ?)').pluck().get(this.variant)
    ) {
      const raise = stmt(
        db,
        'UPDATE ics_events SET uid_sequence = ? WHERE uid = ? AND variant <> ? AND uid_sequence < ?'
      )
      for (const [uid, , sequence, raises] of this.changes)
        if (raises) raise.run(sequence, uid, this.variant, sequence)
    }
    this.changes.length = 0
  }

  /** The VCALENDAR around the events, as UTF-8; every line ends in CRLF, as RFC 5545 wants. */
  calendar(language: Language, calendarName: string): IcsFile {
    const head = [
      line(['prodid', {}, 'text', `-//USOS Office Hours//office-hours//${language.toUpperCase()}`]),
      line(['version', {}, 'text', '2.0']),
      line(['calscale', {}, 'text', 'GREGORIAN']),
      line(['x-wr-calname', {}, 'text', calendarName])
    ]
    const chunks = this.events.between(
      `BEGIN:VCALENDAR${CRLF}${head.join(CRLF)}${CRLF}${zoneText()}${CRLF}`,
      `END:VCALENDAR${CRLF}`
    )
    return icsFile(chunks, this.count)
  }
}

/**
 * An export: the file's bytes in parts, one after another (UTF-8, what is written to disk:
 * `writeFileAtomic` takes them as they are), and, made only when asked for, the same as text
 * (what the window downloads).
 */
export interface IcsFile {
  readonly chunks: readonly Uint8Array[]
  readonly count: number
  readonly text: string
}

const icsFile = (chunks: readonly Uint8Array[], count: number): IcsFile => ({
  chunks,
  count,
  get text() {
    return Buffer.concat(chunks).toString('utf8')
  }
})

const encoder = new TextEncoder()

/**
 * Bytes appended to chunks of 64 KiB: a calendar of thousands of events is written once as
 * UTF-8, not joined as a string and then encoded for the file, and goes to the file in those
 * chunks. (Small chunks that the allocator reuses, rather than one buffer of megabytes: fresh
 * memory costs the system more to hand out than the writing itself.)
 */
class ByteSink {
  private readonly chunks: Uint8Array[] = []
  private chunk = new Uint8Array(0)
  private length = 0

  text(value: string): void {
    // A UTF-16 code unit is at most 3 bytes in UTF-8. (TextEncoder: Buffer's write with an
    // encoding costs ten times as much per call.)
    this.room(value.length * 3)
    this.length += encoder.encodeInto(value, this.chunk.subarray(this.length)).written
  }

  bytes(value: Uint8Array): void {
    this.room(value.length)
    this.chunk.set(value, this.length)
    this.length += value.length
  }

  /** Text the caller knows to be ASCII: a byte per character. */
  ascii(value: string): void {
    this.room(value.length)
    const { chunk } = this
    let at = this.length
    for (let i = 0; i < value.length; i++) chunk[at++] = value.charCodeAt(i)
    this.length = at
  }

  /**
   * A checked USOS datetime (YYYY-MM-DD HH:MM:SS) in RFC 5545's basic format, YYYYMMDDTHHMMSS
   * (what ical.js's date-time value writes).
   */
  basicDateTime(value: string): void {
    this.room(15)
    const { chunk } = this
    let at = this.length
    for (let i = 0; i < DATE_CHARS.length; i++) chunk[at++] = value.charCodeAt(DATE_CHARS[i]!)
    chunk[at++] = 0x54 // T
    for (let i = 0; i < TIME_CHARS.length; i++) chunk[at++] = value.charCodeAt(TIME_CHARS[i]!)
    this.length = at
  }

  /** Everything written, after `head` and before `end`, in parts. */
  between(head: string, end: string): Uint8Array[] {
    return [
      Buffer.from(head, 'utf8'),
      ...this.chunks,
      this.chunk.subarray(0, this.length),
      Buffer.from(end, 'utf8')
    ]
  }

  private room(needed: number): void {
    if (this.length + needed <= this.chunk.length) return
    if (this.length) this.chunks.push(this.chunk.subarray(0, this.length))
    const buffer = Buffer.allocUnsafe(Math.max(CHUNK, needed))
    this.chunk = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length)
    this.length = 0
  }
}

const CHUNK = 1 << 16
/** Where the digits of YYYYMMDD and of HHMMSS are in YYYY-MM-DD HH:MM:SS. */
const DATE_CHARS = [0, 1, 2, 3, 5, 6, 8, 9]
const TIME_CHARS = [11, 12, 14, 15, 17, 18]

function checkDateTime(value: string): void {
  if (!USOS_DATETIME.test(value)) throw new Error(`not a USOS datetime: ${value}`)
}

/** A USOS local datetime as a date-time line in the installation's zone (never floating). */
function zoned(start: string, value: string): string {
  checkDateTime(value)
  return start + values['date-time'].toICAL(value.replace(' ', 'T'))
}

const PAGE = 1000

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '')

export function buildIcs(db: Database.Database, options: IcsOptions): IcsFile {
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
    options.uidDomain,
    alarmText(options.alarmMinutes, language)
  )
  db.transaction(() => {
    meetingDateEvents(db, writer, options, language, conditions, args)
    // Exam groups the user examines, unless the export is for one meeting only.
    if (!options.meetingId) writer.addAll(db, examGroupEvents(db, writer, options, language))
    if (options.drafts?.length) writer.addAll(db, draftEvents(writer, options.drafts, language))
    writer.save(db)
  }).immediate()
  return writer.calendar(
    language,
    options.calendarName ?? (language === 'pl' ? 'Dyżury (USOS)' : 'Office hours (USOS)')
  )
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

  // Rows as arrays, narrow: what the event's lines are made of comes as one key (meeting, room
  // and the date's own comment in the export's language; dates sharing it share their lines),
  // with what the mirror holds for each UID (spelt as below) joined in. Read in pages, so that the
  // rows of a large calendar are not all alive at once (the garbage collector's young generation
  // copies what is alive: a page at a time, that stays small).
  const page = stmt(
    db,
    `SELECT d.id, d.start_time, d.end_time, d.revision,
            d.meeting_id || char(0) || ifnull(d.room_id, '') || char(0) || ${pickSql('d.comment_pl', 'd.comment_en', language)},
            ${STORED_COLUMNS("'meeting-date-' || d.id || '@' || @domain")}
     FROM meeting_dates d
     LEFT JOIN ics_events h ON h.uid = 'meeting-date-' || d.id || '@' || @domain AND h.variant = @variant
     ${where([...conditions, '(d.start_time, d.id) > (@afterStart, @afterId)'])}
     ORDER BY d.start_time, d.id LIMIT ${PAGE}`
  ).raw(true)
  const params = { domain: options.uidDomain, variant: writer.variant, afterStart: '', afterId: '' }
  type Row = [
    id: string,
    start: string,
    end: string,
    revision: number,
    key: string,
    sequence: number | null,
    kept: string | null,
    written: number | null
  ]
  const participantsHeading = language === 'pl' ? 'Uczestnicy:' : 'Participants:'
  const tails = new Map<string, Tail>()
  const kind = writer.kind('meeting-date-')
  // Dates without participants' names that share a key share their tail (lines, bytes, digest).
  const tailOf = (id: string, key: string): Tail => {
    const names = people?.get(id)
    let tail = names?.length ? undefined : tails.get(key)
    if (tail === undefined) {
      const [meetingId = '', roomId = '', ...comment] = key.split('\u0000')
      const m = meetings.get(meetingId) ?? noMeeting
      const lines = [m.summary]
      const location = rooms.get(roomId)
      if (location) lines.push(location)
      // The date's own comment first; the meeting's too when it says something else.
      const own = comment.join('\u0000')
      let description = own
      if (m.comment && m.comment.trim() !== own.trim())
        description = description ? `${description}\n\n${m.comment}` : m.comment
      if (names?.length)
        description = `${description ? `${description}\n\n` : ''}${participantsHeading}\n${names.join('\n')}`
      if (description) lines.push(writer.text('description', description))
      tail = writer.tail(lines)
      if (!names?.length) tails.set(key, tail)
    }
    return tail
  }
  for (;;) {
    const rows = page.all(params, ...args) as Row[]
    // Indexed, not destructured: the first exports of a process run this before it is optimised.
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      writer.write(kind, row[0], row[3], row[1], row[2], tailOf(row[0], row[4]), row[5], row[6], row[7])
    }
    if (rows.length < PAGE) return
    ;[params.afterId, params.afterStart] = rows[rows.length - 1]!
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
  const kind = writer.kind('exam-group-')
  return groups.map((g) => {
    const name = pick(g.name_pl, g.name_en, language) || (language === 'pl' ? 'Egzamin' : 'Exam')
    const lines = [writer.text('summary', g.course_id ? `${name} (${g.course_id})` : name), category]
    const location = locationOf(
      { number: g.room_number, building_pl: g.building_pl, building_en: g.building_en },
      language
    )
    if (location) lines.push(writer.text('location', location))
    return {
      kind,
      id: `${g.exam_id}-${g.number}`,
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
  language: Language
): EventContent[] {
  const linesOf = new Map<string, string[]>()
  const kind = writer.kind('draft-')
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
      kind,
      id: `${d.draftId}-${d.date}`,
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
): IcsFile {
  const language = options.language ?? 'pl'
  const writer = new IcsWriter((options.now ?? (() => new Date()))(), language, options.uidDomain)
  const kind = writer.kind('draft-')
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
        kind,
        id: `${draft.id}-${d.date}`,
        revision: draft.revision,
        start: d.start,
        end: d.end,
        lines
      }))
    )
    writer.save(db)
  }).immediate()
  return writer.calendar(language, `${draft.name} (${language === 'pl' ? 'szkic' : 'draft'})`)
}

import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { beforeEach, describe, expect, it } from 'vitest'
import { parseAlarm, buildIcs } from '../../../src/core/export'
import { buildDraftIcs } from '../../../src/core/export/ics'
import { writeFileAtomic } from '../../../src/core/fs/atomic'
import { mirrorMigrations } from '../../../src/core/mirror'
import { openDatabase } from '../../../src/core/store'
import { syncMeetings } from '../../../src/core/sync'
import { fakeUsos } from '../../helpers/fake-usos'
import { PYTHON, pythonIcalendar } from '../../helpers/python-icalendar'

const window = { lecturerId: '7', from: '2026-11-01', to: '2027-03-01' }
const hostile = 'Sala 1, piętro 2; wejście B\\C\nDruga linia 🎓 ' + 'długi komentarz '.repeat(150)

const hostileRoom = 'A-1,2;3\\4 🎓'
const hostileBuilding =
  'Gmach „Główny”; skrzydło B, piętro 2\\3\nwejście od ul. Banacha 🎓 ' +
  'bardzo długi opis budynku; '.repeat(12)
const hostileFirst = 'Zoë, Anna; \\ "Ania" 👩‍🎓'
const hostileUserLast = 'Nowak; "Ania", ' + 'Żółć'.repeat(30)
const hostileLast = 'Kowalska,\nz Wrocławia 🎓🎓🎓 ' + 'ą'.repeat(60)

let db: ReturnType<typeof openDatabase>['db']
let usos: ReturnType<typeof fakeUsos>
beforeEach(async () => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'ics-')), 'mirror.sqlite'), {
    migrations: mirrorMigrations
  }).db
  usos = fakeUsos()
  ;(usos.state.dates[0] as Record<string, unknown>).comment = { pl: hostile, en: 'room' }
  ;(usos.state.meetings[0] as Record<string, unknown>).name = {
    pl: 'Dyżur: „konsultacje”, sem. 1; grupa 2',
    en: 'Office hours'
  }
  await syncMeetings(db, usos.usos, window)
})

/** Date 10 in a room with punctuation, a backslash, a newline and emoji; two participants named so. */
async function withHostileRoomAndNames() {
  Object.assign(usos.state.dates[0]!, {
    comment: { pl: 'sala', en: 'room' },
    room: {
      id: 3,
      number: hostileRoom,
      building_name: { pl: hostileBuilding, en: 'Main building' },
      capacity: 30
    },
    registered_participants_count: 2,
    accepted_participants_count: 2
  })
  const [anna] = usos.state.participants[10]!
  anna!.user = { id: '55', first_name: hostileFirst, last_name: hostileUserLast, student_number: '123456' }
  usos.state.participants[10]!.push({
    ...structuredClone(anna!),
    id: 102,
    is_external: true,
    user: null,
    external_first_name: hostileFirst,
    external_last_name: hostileLast,
    external_email: null,
    external_contact: null,
    number_in_queue: 2
  })
  await syncMeetings(db, usos.usos, window)
}

/**
 * What versions before the fingerprint kept per event (an independent restatement): a SHA-1
 * (base64) of the DTSTART and DTEND lines and, after each a CRLF, the SHA-1 of each content line
 * after them (as written, folds included) up to END:VEVENT.
 */
function legacyHashes(text: string): Map<string, string> {
  const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('base64')
  const hashes = new Map<string, string>()
  for (const block of text.split('BEGIN:VEVENT\r\n').slice(1)) {
    const lines: string[] = []
    for (const physical of block.split('\r\n'))
      if (physical.startsWith(' ')) lines[lines.length - 1] += `\r\n${physical}`
      else lines.push(physical)
    const uid = lines.find((l) => l.startsWith('UID:'))!.slice(4)
    const start = lines.findIndex((l) => l.startsWith('DTSTART'))
    const tail = lines.slice(start + 2, lines.indexOf('END:VEVENT'))
    hashes.set(
      uid,
      sha1(`${lines[start]}\r\n${lines[start + 1]}${tail.map((l) => `\r\n${sha1(l)}`).join('')}`)
    )
  }
  return hashes
}

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text))
  for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
}

describe('ICS export', () => {
  it('writes every date with a stable UID, Warsaw TZID with its VTIMEZONE, UTC DTSTAMP, CRLF and folded lines', () => {
    const { text, count } = buildIcs(db, {
      uidDomain: 'usos.example.edu.pl',
      now: () => new Date('2026-11-22T10:00:00Z')
    })
    expect(count).toBe(2)
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true)
    expect(text).not.toMatch(/[^\r]\n/)
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw')
    expect(text).toContain('DTSTAMP:20261122T100000Z')
    // Lines as ical.js writes them, every one ended by CRLF (no blank line at the end).
    expect(ICAL.stringify(ICAL.parse(text))).toBe(text)
    const events = parse(text)
    expect(events.map((e) => e.uid)).toEqual([
      'meeting-date-10@usos.example.edu.pl',
      'meeting-date-11@usos.example.edu.pl'
    ])
    const first = events[0]!
    expect(first.startDate.zone?.tzid).toBe('Europe/Warsaw')
    // 10:00 in Warsaw in November (CET, UTC+1) is 09:00 UTC.
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-11-24T09:00:00.000Z')
    expect(first.summary).toBe('Dyżur: „konsultacje”, sem. 1; grupa 2')
    expect(first.description).toBe(hostile)
    expect(first.location).toBe('101, Gmach')
  })

  it('keeps UIDs across exports and raises SEQUENCE when a date moves', async () => {
    const before = parse(buildIcs(db, { uidDomain: 'u.example' }).text)
    ;(usos.state.dates[0] as Record<string, unknown>).start_time = '2026-11-24 12:00:00'
    ;(usos.state.dates[0] as Record<string, unknown>).end_time = '2026-11-24 13:00:00'
    await syncMeetings(db, usos.usos, window)
    const after = parse(buildIcs(db, { uidDomain: 'u.example' }).text)
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid))
    expect(after[0]!.sequence).toBe(before[0]!.sequence + 1)
    expect(after[1]!.sequence).toBe(before[1]!.sequence)
  })

  it('keeps SEQUENCE when nothing changed and raises it by one whenever what is written changes', async () => {
    const sequences = (options: Partial<Parameters<typeof buildIcs>[1]> = {}) =>
      Object.fromEntries(
        parse(buildIcs(db, { uidDomain: 'u.example', ...options }).text).map((e) => [e.uid, e.sequence])
      )
    const [d10, d11] = ['meeting-date-10@u.example', 'meeting-date-11@u.example']
    // A UID exported for the first time starts from the mirror's revision, the SEQUENCE earlier
    // versions wrote, so no subscribed calendar sees it go down.
    db.prepare("UPDATE meeting_dates SET revision = 3 WHERE id = '10'").run()
    const first = sequences()
    expect(first).toEqual({ [d10]: 3, [d11]: 0 })
    expect(sequences()).toEqual(first)
    await syncMeetings(db, usos.usos, window)
    expect(sequences()).toEqual(first)

    // The meeting renamed: every date's SUMMARY changes.
    usos.state.meetings[0]!.name = { pl: 'Konsultacje przed kolokwium', en: 'Consultations' }
    await syncMeetings(db, usos.usos, window)
    const renamed = sequences()
    expect(renamed).toEqual({ [d10]: 4, [d11]: 1 })
    expect(sequences()).toEqual(renamed)

    // One date moved.
    Object.assign(usos.state.dates[1]!, {
      start_time: '2026-12-01 12:00:00',
      end_time: '2026-12-01 13:30:00'
    })
    await syncMeetings(db, usos.usos, window)
    const moved = sequences()
    expect(moved).toEqual({ [d10]: 4, [d11]: 2 })

    // Participants' names (opt-in): the first export with names records them, a changed list raises it.
    expect(sequences({ withParticipants: true })).toEqual(moved)
    usos.state.participants[10]!.push({
      ...structuredClone(usos.state.participants[10]![0]!),
      id: 101,
      user: { id: '56', first_name: 'Jan', last_name: 'Kowalski', student_number: '123457' },
      number_in_queue: 2
    })
    Object.assign(usos.state.dates[0]!, { registered_participants_count: 2, accepted_participants_count: 2 })
    await syncMeetings(db, usos.usos, window)
    const joined = sequences({ withParticipants: true })
    expect(joined).toEqual({ [d10]: 5, [d11]: 2 })
    expect(
      parse(buildIcs(db, { uidDomain: 'u.example', withParticipants: true }).text)[0]!.description
    ).toContain('Jan Kowalski')
    // The SEQUENCE is one per UID: the export without names never goes back below it, and
    // alternating languages and variants leaves every SEQUENCE where it is.
    expect(sequences()).toEqual(joined)
    expect(sequences({ language: 'en' })).toEqual(joined)
    expect(sequences({ withParticipants: true })).toEqual(joined)
    expect(sequences()).toEqual(joined)

    // One change seen by several variants is one step, whichever exports first.
    usos.state.meetings[0]!.name = { pl: 'Konsultacje', en: 'Consultations' }
    await syncMeetings(db, usos.usos, window)
    const again = sequences({ withParticipants: true })
    expect(again).toEqual({ [d10]: 6, [d11]: 3 })
    expect(sequences()).toEqual(again)
    expect(sequences({ language: 'en' })).toEqual(again)
    expect(sequences({ withParticipants: true })).toEqual(again)
  })

  it('does the same for the exam groups the user examines', () => {
    db.exec(`
      INSERT INTO exams (id, course_id, name_pl, name_en) VALUES ('E1', '1000-ALG', 'Egzamin z algebry', 'Algebra exam');
      INSERT INTO exam_groups (exam_id, number, exam_start, exam_end, room_id, is_examiner, revision)
        VALUES ('E1', 1, '2027-02-01 09:00:00', '2027-02-01 11:00:00', '3', 1, 2),
               ('E1', 2, '2027-02-02 09:00:00', '2027-02-02 11:00:00', NULL, 0, 0);
    `)
    const group = () =>
      parse(buildIcs(db, { uidDomain: 'u.example' }).text).find((e) => e.uid === 'exam-group-E1-1@u.example')!
    const first = group()
    expect([first.sequence, first.summary, first.location]).toEqual([
      2,
      'Egzamin z algebry (1000-ALG)',
      '101, Gmach'
    ])
    expect(parse(buildIcs(db, { uidDomain: 'u.example' }).text)).toHaveLength(3)
    expect(group().sequence).toBe(2)
    db.prepare("UPDATE exams SET name_pl = 'Egzamin z algebry liniowej' WHERE id = 'E1'").run()
    expect([group().sequence, group().summary]).toEqual([3, 'Egzamin z algebry liniowej (1000-ALG)'])
    db.prepare("UPDATE rooms SET building_name_pl = 'Gmach Główny' WHERE id = '3'").run()
    expect(group().sequence).toBe(4)
    db.prepare(
      "UPDATE exam_groups SET exam_end = '2027-02-01 12:00:00' WHERE exam_id = 'E1' AND number = 1"
    ).run()
    expect(group().sequence).toBe(5)
    expect(group().sequence).toBe(5)
  })

  it("describes a date by its own comment and the meeting's, each once", async () => {
    usos.state.meetings[0]!.comment = { pl: 'Proszę o zapis w USOSweb', en: 'Please sign up in USOSweb' }
    await syncMeetings(db, usos.usos, window)
    const descriptions = (options: Partial<Parameters<typeof buildIcs>[1]> = {}) =>
      parse(buildIcs(db, { uidDomain: 'u', ...options }).text).map((e) => e.description)
    expect(descriptions()).toEqual([`${hostile}\n\nProszę o zapis w USOSweb`, 'Proszę o zapis w USOSweb'])
    expect(descriptions({ language: 'en', withParticipants: true })).toEqual([
      'room\n\nPlease sign up in USOSweb\n\nParticipants:\nAnna Nowak',
      'Please sign up in USOSweb'
    ])
    // The same words on the date and on the meeting are said once.
    usos.state.dates[0]!.comment = { pl: 'Proszę o zapis w USOSweb ', en: null }
    await syncMeetings(db, usos.usos, window)
    expect(descriptions()).toEqual(['Proszę o zapis w USOSweb ', 'Proszę o zapis w USOSweb'])
  })

  it('filters by range and meeting, and lists participants only when asked', () => {
    expect(buildIcs(db, { uidDomain: 'u', from: '2026-11-30', to: '2026-12-31' }).count).toBe(1)
    expect(buildIcs(db, { uidDomain: 'u', meetingId: 'nope' }).count).toBe(0)
    expect(parse(buildIcs(db, { uidDomain: 'u' }).text)[0]!.description).not.toContain('Anna Nowak')
    expect(parse(buildIcs(db, { uidDomain: 'u', withParticipants: true }).text)[0]!.description).toContain(
      'Anna Nowak'
    )
  })

  it('keeps hostile rooms, buildings and names through the round trip, every line within 75 octets', async () => {
    await withHostileRoomAndNames()
    const { text } = buildIcs(db, { uidDomain: 'u', withParticipants: true })
    for (const l of text.split('\r\n')) {
      expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75)
      // Folded between characters, never inside one (a lone surrogate would be half an emoji).
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    }
    expect(text.split('\r\n').some((l) => l.startsWith(' '))).toBe(true)
    const [first] = parse(text)
    expect(first!.location).toBe(`${hostileRoom}, ${hostileBuilding}`)
    expect(first!.description).toBe(
      `sala\n\nUczestnicy:\n${hostileFirst} ${hostileUserLast}\n${hostileFirst} ${hostileLast}`
    )
    expect(parse(buildIcs(db, { uidDomain: 'u', language: 'en' }).text)[0]!.location).toBe(
      `${hostileRoom}, Main building`
    )
  })

  it('parses cleanly and alike in Python icalendar, which records broken parts instead of raising', async (ctx) => {
    const python = pythonIcalendar()
    if (!python.available) ctx.skip(python.reason)
    await withHostileRoomAndNames()
    usos.state.meetings[0]!.comment = { pl: 'Proszę o zapis; „pokój” 3180, II piętro', en: null }
    await syncMeetings(db, usos.usos, window)
    const { text } = buildIcs(db, { uidDomain: 'u', withParticipants: true })
    const file = join(mkdtempSync(join(tmpdir(), 'ics-py-')), 'out.ics')
    writeFileSync(file, text)
    const script = `
import json, sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
broken = [str(c.errors) for c in cal.walk() if getattr(c, 'errors', None)]
utc = lambda d: d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
events = [{'uid': str(c['uid']), 'sequence': int(c['sequence']), 'summary': str(c['summary']),
           'location': str(c['location']) if 'location' in c else None,
           'description': str(c['description']) if 'description' in c else None,
           'start': utc(c.decoded('dtstart')), 'end': utc(c.decoded('dtend'))} for c in cal.walk('VEVENT')]
print(json.dumps({'broken': broken, 'events': events}))
`
    const run = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const read = JSON.parse(run.stdout) as { broken: string[]; events: unknown[] }
    expect(read.broken).toEqual([])
    const iso = (t: ICAL.Time) => t.toJSDate().toISOString().replace('.000Z', 'Z')
    expect(read.events).toEqual(
      parse(text).map((e) => ({
        uid: e.uid,
        sequence: e.sequence,
        summary: e.summary,
        location: e.location || null,
        description: e.description || null,
        start: iso(e.startDate),
        end: iso(e.endDate)
      }))
    )
    expect(read.events).toHaveLength(2)
  })

  it('carries a reminder (VALARM) when asked, read alike by ical.js and Python icalendar', async (ctx) => {
    const plain = buildIcs(db, { uidDomain: 'u' }).text
    expect(plain).not.toContain('BEGIN:VALARM')
    const { text } = buildIcs(db, { uidDomain: 'u', alarmMinutes: 60 })
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
    expect(events.length).toBeGreaterThan(0)
    for (const e of events) {
      const alarms = e.getAllSubcomponents('valarm')
      expect(alarms).toHaveLength(1)
      expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY')
      expect(alarms[0]!.getFirstPropertyValue('description')).toBe('Przypomnienie: dyżur')
      expect((alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-3600)
    }
    expect(buildIcs(db, { uidDomain: 'u', alarmMinutes: 1440 }).text).toContain('TRIGGER:-P1D')
    expect(buildIcs(db, { uidDomain: 'u', alarmMinutes: 15 }).text).toContain('TRIGGER:-PT15M')
    expect(parseAlarm('1h')).toBe(60)
    expect(() => parseAlarm('2h')).toThrow('--alarm must be 15m, 1h or 1d, got "2h"')
    const python = pythonIcalendar()
    if (!python.available) return ctx.skip(python.reason)
    const file = join(mkdtempSync(join(tmpdir(), 'ics-alarm-')), 'out.ics')
    writeFileSync(file, text)
    const script = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
print(json.dumps([[str(a['action']), a.decoded('trigger').total_seconds()] for e in cal.walk('VEVENT') for a in e.walk('VALARM')]))
`
    const run = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual(events.map(() => ['DISPLAY', -3600]))
  })

  it('reads the hashes earlier versions kept: the upgrade by itself raises no SEQUENCE', async () => {
    // A mirror of the version before: its schema, its dates, and what its exports kept (date 10
    // written at SEQUENCE 2 in Polish and since raised to 4 by the English file; date 11 at 2).
    const file = join(mkdtempSync(join(tmpdir(), 'ics-legacy-')), 'mirror.sqlite')
    const old = openDatabase(file, { migrations: mirrorMigrations.slice(0, 13) }).db
    await syncMeetings(old, usos.usos, window)
    const hashes = legacyHashes(buildIcs(db, { uidDomain: 'u.example' }).text)
    expect(hashes.size).toBe(2)
    const keep = old.prepare('INSERT INTO ics_events (uid, variant, hash, sequence) VALUES (?, ?, ?, ?)')
    keep.run('meeting-date-10@u.example', 'pl', hashes.get('meeting-date-10@u.example'), 2)
    keep.run('meeting-date-10@u.example', 'en', 'an English hash', 4)
    keep.run('meeting-date-11@u.example', 'pl', hashes.get('meeting-date-11@u.example'), 2)
    // Date 10 moved after that export.
    Object.assign(usos.state.dates[0]!, {
      start_time: '2026-11-24 12:00:00',
      end_time: '2026-11-24 13:00:00'
    })
    await syncMeetings(old, usos.usos, window)
    old.close()

    const upgraded = openDatabase(file, { migrations: mirrorMigrations }).db
    const sequences = () =>
      Object.fromEntries(
        parse(buildIcs(upgraded, { uidDomain: 'u.example' }).text).map((e) => [e.uid, e.sequence])
      )
    // Date 10's change is the one the English file already counted; date 11 is as it was.
    const expected = { 'meeting-date-10@u.example': 4, 'meeting-date-11@u.example': 2 }
    expect(sequences()).toEqual(expected)
    // What is kept now is the fingerprint, and nothing moves when nothing changed.
    expect(
      upgraded
        .prepare("SELECT count(*) FROM ics_events WHERE variant = 'pl' AND hash LIKE '%|%'")
        .pluck()
        .get()
    ).toBe(2)
    expect(sequences()).toEqual(expected)
    upgraded.prepare("UPDATE meetings SET name_pl = 'Konsultacje'").run()
    expect(sequences()).toEqual({ 'meeting-date-10@u.example': 5, 'meeting-date-11@u.example': 3 })
    // The raise is kept on the English row too, so that file goes on from 5.
    expect(upgraded.prepare("SELECT uid_sequence FROM ics_events WHERE variant = 'en'").pluck().get()).toBe(5)
  })

  it('writes a calendar larger than its chunks whole: the file, the text and the parse agree', () => {
    const many = db.prepare(
      `INSERT INTO meeting_dates (id, meeting_id, start_time, end_time, comment_pl, room_id, revision)
       VALUES (?, ?, ?, ?, ?, ?, 0)`
    )
    const meetingId = db.prepare("SELECT meeting_id FROM meeting_dates WHERE id = '10'").pluck().get()
    db.transaction(() => {
      for (let i = 0; i < 1500; i++) {
        const day = new Date(Date.UTC(2027, 0, 1) + Math.floor(i / 5) * 86_400_000).toISOString().slice(0, 10)
        const hour = String(8 + (i % 5) * 2).padStart(2, '0')
        many.run(
          `x${i}`,
          meetingId,
          `${day} ${hour}:00:00`,
          `${day} ${hour}:45:00`,
          i % 7 ? null : `Żółta sala nr ${i}; proszę o kontakt`,
          null
        )
      }
    })()
    const file = join(mkdtempSync(join(tmpdir(), 'ics-large-')), 'large.ics')
    const exported = buildIcs(db, { uidDomain: 'u.example' })
    expect(exported.chunks.length).toBeGreaterThan(3)
    writeFileAtomic(file, exported.chunks, 0o644)
    const bytes = readFileSync(file)
    expect(bytes.equals(Buffer.from(exported.text, 'utf8'))).toBe(true)
    const events = parse(exported.text)
    expect(events).toHaveLength(1502)
    expect(new Set(events.map((e) => e.uid)).size).toBe(1502)
    const x7 = events.find((e) => e.uid === 'meeting-date-x7@u.example')!
    expect([x7.startDate.toString(), x7.endDate.toString(), x7.description]).toEqual([
      '2027-01-02T12:00:00',
      '2027-01-02T12:45:00',
      'Żółta sala nr 7; proszę o kontakt'
    ])
    expect(x7.startDate.zone.tzid).toBe('Europe/Warsaw')
    expect(exported.text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true)
  })

  it('escapes and folds a UID that needs it, and refuses a date that is not a USOS datetime', () => {
    const draft = { id: 'a,b;c\\' + 'x'.repeat(80), name: 'Dyżur', room: null, comment: null, revision: 0 }
    const { text } = buildDraftIcs(
      db,
      draft,
      [{ date: '2027-03-01', start: '2027-03-01 10:00:00', end: '2027-03-01 11:00:00' }],
      {
        uidDomain: 'u.example'
      }
    )
    expect(text).toContain('UID:draft-a\\,b\\;c\\\\xxx')
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true)
    expect(parse(text).map((e) => e.uid)).toEqual([`draft-${draft.id}-2027-03-01@u.example`])

    // Nothing of the refused export is kept.
    db.prepare("UPDATE meeting_dates SET start_time = '2026-11-24T12:00' WHERE id = '10'").run()
    expect(() => buildIcs(db, { uidDomain: 'u.example' })).toThrow('not a USOS datetime: 2026-11-24T12:00')
    expect(db.prepare("SELECT count(*) FROM ics_events WHERE uid LIKE 'meeting-date-%'").pluck().get()).toBe(
      0
    )
  })

  it('fails the Python check in CI, and only skips it elsewhere, when icalendar cannot be had', () => {
    expect(() => pythonIcalendar({ CI: 'true' }, '/nonexistent/python3')).toThrow(/needed in CI/)
    expect(pythonIcalendar({}, '/nonexistent/python3')).toMatchObject({ available: false })
  })
})

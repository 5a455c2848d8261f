import { writeFileSync } from 'node:fs'
import { meetingAttendanceCsv } from '../../core/export/attendance'
import {
  dateAttendance,
  markAttendance,
  meetingAttendance,
  type AttendanceState
} from '../../core/office-hours/attendance'
import { clockOption, parseOptions, requireOption } from '../args'
import { CliError } from '../errors'
import { cliJson } from '../json'
import type { CliCommand } from './index'
import { dataDirOf, openActiveMirror } from './profile'

const ids = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const OPTIONS = {
  'meeting-date': { type: 'string' },
  meeting: { type: 'string' },
  present: { type: 'string' },
  absent: { type: 'string' },
  late: { type: 'string' },
  clear: { type: 'string' },
  format: { type: 'string', default: 'json' },
  lang: { type: 'string', default: 'pl' },
  out: { type: 'string' },
  now: { type: 'string' },
  'data-dir': { type: 'string' }
} as const
type Values = ReturnType<typeof parseOptions<typeof OPTIONS>>

export const attendanceCommand: CliCommand = {
  summary:
    "attendance (kept on this computer; USOS has no such method): one meeting date's, marked and printed, or one meeting's per student (json or csv)",
  async run(args, io) {
    const o = parseOptions(args, OPTIONS)
    if (o.meeting !== undefined) return meetingSummary(o, io)
    if (o.format !== 'json' || o.out !== undefined)
      throw new CliError('--format and --out go with --meeting (a meeting date prints JSON)')
    const dateId = requireOption(o['meeting-date'], 'meeting-date')
    const marks: Array<{ participantId: string; state: AttendanceState | null }> = [
      ...ids(o.present).map((participantId) => ({ participantId, state: 'present' as const })),
      ...ids(o.absent).map((participantId) => ({ participantId, state: 'absent' as const })),
      ...ids(o.late).map((participantId) => ({ participantId, state: 'late' as const })),
      ...ids(o.clear).map((participantId) => ({ participantId, state: null }))
    ]
    const now = clockOption(o.now)
    const { mirror, close } = openActiveMirror(dataDirOf(o['data-dir']), io)
    try {
      const rows =
        marks.length > 0 ? markAttendance(mirror, dateId, marks, now()) : dateAttendance(mirror, dateId)
      io.out(`${cliJson(rows.map((r) => ({ ...r, name: `${r.first_name} ${r.last_name}`.trim() })))}\n`)
      return 0
    } finally {
      close()
    }
  }
}

/** `--meeting ID [--format json|csv] [--lang pl|en] [--out FILE]`: per student over the meeting's dates. */
function meetingSummary(o: Values, io: Parameters<CliCommand['run']>[1]): number {
  const meetingId = requireOption(o.meeting, 'meeting')
  if (o['meeting-date'] !== undefined) throw new CliError('give --meeting or --meeting-date, not both')
  if ([o.present, o.absent, o.late, o.clear].some((v) => v !== undefined))
    throw new CliError(
      'attendance is marked per meeting date: use --meeting-date with --present, --absent, --late or --clear'
    )
  const format = o.format ?? 'json'
  if (format !== 'json' && format !== 'csv')
    throw new CliError(`--format must be json or csv, got "${format}"`)
  const lang = o.lang === 'en' ? 'en' : o.lang === 'pl' ? 'pl' : null
  if (!lang) throw new CliError('--lang must be pl or en')
  const { mirror, close } = openActiveMirror(dataDirOf(o['data-dir']), io)
  try {
    const rows = meetingAttendance(mirror, meetingId)
    const text =
      format === 'csv'
        ? meetingAttendanceCsv(rows, lang)
        : `${cliJson(rows.map((r) => ({ ...r, name: `${r.first_name} ${r.last_name}`.trim() })))}\n`
    if (o.out !== undefined) {
      writeFileSync(o.out, text)
      io.out(`${rows.length}\n`)
    } else io.out(text)
    return 0
  } finally {
    close()
  }
}

import { dateAttendance, markAttendance, type AttendanceState } from '../../core/office-hours/attendance'
import { clockOption, parseOptions, requireOption } from '../args'
import { cliJson } from '../json'
import type { CliCommand } from './index'
import { dataDirOf, openActiveMirror } from './profile'

const ids = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

export const attendanceCommand: CliCommand = {
  summary:
    "one meeting date's attendance (kept on this computer; USOS has no such method): mark and print it",
  async run(args, io) {
    const o = parseOptions(args, {
      'meeting-date': { type: 'string' },
      present: { type: 'string' },
      absent: { type: 'string' },
      late: { type: 'string' },
      clear: { type: 'string' },
      now: { type: 'string' },
      'data-dir': { type: 'string' }
    })
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

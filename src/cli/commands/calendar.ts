import { calendarWithExams } from '../../core/mirror/calendar'
import { parseOptions } from '../args'
import { CliError } from '../errors'
import { cliJson } from '../json'
import type { CliCommand } from './index'
import { dataDirOf, dayOption, nextDay, openActiveMirror } from './profile'

export const calendarCommand: CliCommand = {
  summary: 'list meeting dates and exam groups from the mirror between two days (inclusive)',
  async run(args, io) {
    const o = parseOptions(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' }
    })
    const from = dayOption(o.from, 'from')
    const to = dayOption(o.to, 'to')
    if (to < from) throw new CliError('--to is before --from')
    const { mirror, close } = openActiveMirror(dataDirOf(o['data-dir']), io)
    try {
      const items = calendarWithExams(mirror, from, nextDay(to)).map((i) => ({
        id: i.id,
        kind: i.kind,
        meeting_id: i.meetingId,
        title: i.title,
        start: i.start,
        end: i.end,
        room: i.room,
        seats_limit: i.seatsLimit,
        reserve_seats_limit: i.reserveSeatsLimit,
        accepted: i.acceptedCount,
        waiting: i.waitingCount,
        registered: i.registeredCount
      }))
      if (o.json) io.out(`${cliJson(items)}\n`)
      else {
        for (const i of items) {
          const name = i.title.pl || i.title.en || ''
          io.out(
            `${i.start.slice(0, 16)}-${i.end.slice(11, 16)}  ${name}  ${i.accepted ?? 0}/${i.seats_limit ?? '-'}${i.waiting ? ` +${i.waiting}` : ''}${i.room ? `  ${i.room}` : ''}  [${i.id}]\n`
          )
        }
      }
      return 0
    } finally {
      close()
    }
  }
}

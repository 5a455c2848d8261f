import { dirname } from 'node:path'
import { existsSync, statSync } from 'node:fs'
import { buildIcs, parseAlarm, type AlarmMinutes } from '../../core/export/ics'
import { writeFileAtomic } from '../../core/fs/atomic'
import { clockOption, parseOptions, requireOption } from '../args'
import { CliError } from '../errors'
import type { CliCommand } from './index'
import { dataDirOf, dayOption, nextDay, openActiveMirror } from './profile'

export const exportIcsCommand: CliCommand = {
  summary: 'write an ICS calendar of meeting dates from the mirror',
  async run(args, io) {
    const o = parseOptions(args, {
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      meeting: { type: 'string' },
      'with-participants': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'pl' },
      'data-dir': { type: 'string' },
      now: { type: 'string' },
      alarm: { type: 'string' }
    })
    const now = clockOption(o.now)
    let alarmMinutes: AlarmMinutes | null = null
    if (o.alarm !== undefined)
      try {
        alarmMinutes = parseAlarm(o.alarm)
      } catch (error) {
        throw new CliError((error as Error).message)
      }
    const out = requireOption(o.out, 'out')
    if (!existsSync(dirname(out) || '.'))
      throw new CliError(`the folder of --out does not exist: ${dirname(out)}`)
    if (existsSync(out) && statSync(out).isDirectory())
      throw new CliError(`--out is a folder, give a file name: ${out}`)
    const from = o.from === undefined ? undefined : dayOption(o.from, 'from')
    const to = o.to === undefined ? undefined : dayOption(o.to, 'to')
    if (from && to && to < from) throw new CliError('--to is before --from')
    const { account, mirror, close } = openActiveMirror(dataDirOf(o['data-dir']), io)
    try {
      const { chunks, count } = buildIcs(mirror, {
        uidDomain: new URL(account.baseUrl).hostname,
        ...(from ? { from } : {}),
        ...(to ? { to: nextDay(to) } : {}),
        ...(o.meeting ? { meetingId: o.meeting } : {}),
        withParticipants: o['with-participants'] === true,
        language: o.lang === 'en' ? 'en' : 'pl',
        now,
        alarmMinutes
      })
      writeFileAtomic(out, chunks, 0o644)
      io.out(`${count}\n`)
      return 0
    } finally {
      close()
    }
  }
}

import { participantListCsv, participantListHtml } from '../../core/export/participants'
import { meetingDateDetails } from '../../core/office-hours/details'
import { parseOptions, requireOption } from '../args'
import { CliError } from '../errors'
import { cliJson } from '../json'
import { formatWarsawStamp } from '../../shared/locale-format'
import type { CliCommand } from './index'
import { dataDirOf, openActiveMirror } from './profile'

export const participantsCommand: CliCommand = {
  summary: "one meeting date's participants from the mirror (json, csv or printable html)",
  async run(args, io) {
    const o = parseOptions(args, {
      'meeting-date': { type: 'string' },
      format: { type: 'string', default: 'json' },
      lang: { type: 'string', default: 'pl' },
      'data-dir': { type: 'string' }
    })
    const id = requireOption(o['meeting-date'], 'meeting-date')
    const format = o.format as string
    if (!['json', 'csv', 'html'].includes(format))
      throw new CliError(`--format must be json, csv or html, got "${format}"`)
    const lang = o.lang === 'en' ? 'en' : o.lang === 'pl' ? 'pl' : null
    if (!lang) throw new CliError('--lang must be pl or en')
    const { mirror, close } = openActiveMirror(dataDirOf(o['data-dir']), io)
    try {
      const details = meetingDateDetails(mirror, id)
      if (format === 'csv') io.out(participantListCsv(details, lang))
      else if (format === 'html')
        io.out(participantListHtml(details, lang, formatWarsawStamp(new Date(), lang)))
      else
        io.out(
          `${cliJson({ meeting_date: details.item, meeting: details.meeting, main: details.main, reserve: details.reserve }, true)}\n`
        )
      return 0
    } finally {
      close()
    }
  }
}

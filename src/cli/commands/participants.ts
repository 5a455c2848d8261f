import { writeFileSync } from 'node:fs'
import { participantListCsv, participantListHtml } from '../../core/export/participants'
import {
  DEFAULT_COLUMNS,
  DEFAULT_LISTS,
  parseColumns,
  parseLists,
  participantTableOf,
  participantTableCsv,
  participantTableHtml,
  participantTableXlsx
} from '../../core/export/participant-lists'
import { meetingDateDetails } from '../../core/office-hours/details'
import { AppError } from '../../shared/errors'
import { clockOption, parseOptions, requireOption } from '../args'
import { CliError } from '../errors'
import { cliJson } from '../json'
import { formatWarsawStamp } from '../../shared/locale-format'
import type { CliCommand } from './index'
import { dataDirOf, openActiveMirror } from './profile'

export const participantsCommand: CliCommand = {
  summary:
    "one meeting date's participants from the mirror (json, csv, printable html or xlsx), the lists and columns chosen",
  async run(args, io) {
    const o = parseOptions(args, {
      'meeting-date': { type: 'string' },
      format: { type: 'string', default: 'json' },
      lang: { type: 'string', default: 'pl' },
      lists: { type: 'string' },
      columns: { type: 'string' },
      out: { type: 'string' },
      now: { type: 'string' },
      'data-dir': { type: 'string' }
    })
    const id = requireOption(o['meeting-date'], 'meeting-date')
    const format = o.format as string
    if (!['json', 'csv', 'html', 'xlsx'].includes(format))
      throw new CliError(`--format must be json, csv, html or xlsx, got "${format}"`)
    const lang = o.lang === 'en' ? 'en' : o.lang === 'pl' ? 'pl' : null
    if (!lang) throw new CliError('--lang must be pl or en')
    if (format === 'xlsx' && !o.out)
      throw new CliError('--format xlsx needs --out FILE (a workbook is not text)')
    const now = clockOption(o.now)
    let chosen: { lists: ReturnType<typeof parseLists>; columns: ReturnType<typeof parseColumns> } | null =
      null
    if (o.lists !== undefined || o.columns !== undefined || format === 'xlsx')
      try {
        chosen = {
          lists: o.lists === undefined ? [...DEFAULT_LISTS] : parseLists(o.lists),
          columns: o.columns === undefined ? [...DEFAULT_COLUMNS] : parseColumns(o.columns)
        }
      } catch (error) {
        throw new CliError(error instanceof AppError ? error.message : String(error))
      }
    const { mirror, close } = openActiveMirror(dataDirOf(o['data-dir']), io)
    try {
      const details = meetingDateDetails(mirror, id)
      const printed = formatWarsawStamp(now(), lang)
      if (chosen) {
        const table = participantTableOf(mirror, id, { ...chosen, language: lang })
        if (format === 'xlsx') {
          writeFileSync(o.out!, await participantTableXlsx(table, lang))
          io.out(`${table.sections.reduce((n, s) => n + s.rows.length, 0)}\n`)
        } else if (format === 'csv') io.out(participantTableCsv(table, lang))
        else if (format === 'html') io.out(participantTableHtml(table, lang, printed))
        else
          io.out(
            `${cliJson(
              table.sections.map((s) => ({
                list: s.list,
                rows: s.rows.map((r) => Object.fromEntries(chosen!.columns.map((c, i) => [c, r[i]])))
              })),
              true
            )}\n`
          )
        return 0
      }
      if (format === 'csv') io.out(participantListCsv(details, lang))
      else if (format === 'html') io.out(participantListHtml(details, lang, printed))
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

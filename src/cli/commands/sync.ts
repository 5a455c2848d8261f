import { OfficeHours } from '../../core/app/office-hours'
import { clockOption, parseOptions } from '../args'
import { cliJson } from '../json'
import { cliContext } from './context'
import type { CliCommand } from './index'
import { dataDirOf } from './profile'

export const syncCommand: CliCommand = {
  summary: 'bring the mirror in step with USOS (sends pending changes first)',
  async run(args, io) {
    const o = parseOptions(args, {
      full: { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      now: { type: 'string' }
    })
    const ctx = cliContext(dataDirOf(o['data-dir']), io, clockOption(o.now))
    const officeHours = new OfficeHours(ctx)
    // --progress: one JSON line per step on stderr (stdout keeps only the summary).
    const unsubscribe = o.progress
      ? ctx.events.subscribe((event, payload) => {
          if (event === 'syncProgress') io.err(`${cliJson(payload)}\n`)
        })
      : () => {}
    // Ctrl+C cancels between requests; what was already written stays.
    const cancel = () => officeHours.cancelSync()
    process.once('SIGINT', cancel)
    try {
      const summary = await officeHours.sync(o.full ? { full: true } : {})
      io.out(`${cliJson(summary)}\n`)
      return 0
    } finally {
      process.off('SIGINT', cancel)
      unsubscribe()
      ctx.close()
    }
  }
}

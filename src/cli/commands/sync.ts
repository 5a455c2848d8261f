import { OfficeHours } from '../../core/app/office-hours'
import { parseOptions } from '../args'
import { cliContext } from './context'
import type { CliCommand } from './index'
import { dataDirOf } from './profile'

export const syncCommand: CliCommand = {
  summary: 'bring the mirror in step with USOS (sends pending changes first)',
  async run(args, io) {
    const o = parseOptions(args, {
      full: { type: 'boolean', default: false },
      'data-dir': { type: 'string' }
    })
    const ctx = cliContext(dataDirOf(o['data-dir']))
    try {
      const summary = await new OfficeHours(ctx).sync(o.full ? { full: true } : {})
      io.out(`${JSON.stringify(summary)}\n`)
      return 0
    } finally {
      ctx.close()
    }
  }
}

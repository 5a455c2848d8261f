import { APP_SCOPES } from '../../core/accounts/types'
import { parseOptions, requireOption } from '../args'
import { CliError } from '../errors'
import { cliContext } from './context'
import type { CliCommand } from './index'
import { dataDirOf } from './profile'

export const loginCommand: CliCommand = {
  summary: 'sign in to a USOS installation (OAuth PIN flow; reads the PIN from standard input)',
  async run(args, io) {
    const o = parseOptions(args, {
      'base-url': { type: 'string' },
      'consumer-key': { type: 'string' },
      'consumer-secret': { type: 'string' },
      scopes: { type: 'string' },
      'data-dir': { type: 'string' }
    })
    const scopes = o.scopes ? o.scopes.split('|').filter(Boolean) : [...APP_SCOPES]
    if (scopes.some((s) => !/^[a-z_]+$/.test(s)))
      throw new CliError('--scopes must be pipe-separated scope names, e.g. studies|offline_access')
    const ctx = cliContext(dataDirOf(o['data-dir']))
    try {
      const { pendingId, authorizeUrl } = await ctx.accounts.beginSignIn({
        baseUrl: requireOption(o['base-url'], 'base-url'),
        consumerKey: requireOption(o['consumer-key'], 'consumer-key'),
        consumerSecret: requireOption(o['consumer-secret'], 'consumer-secret'),
        scopes,
        callback: 'oob'
      })
      io.out(`${authorizeUrl}\n`)
      io.err('Open the address above, sign in, grant access, then type the PIN here: ')
      const pin = await io.readLine()
      if (pin === null || pin.trim() === '') throw new CliError('no PIN was given')
      const account = await ctx.accounts.completeSignIn(pendingId, pin)
      io.out(`${account.firstName} ${account.lastName}\n`)
      return 0
    } finally {
      ctx.close()
    }
  }
}

export const logoutCommand: CliCommand = {
  summary: 'revoke the active account’s token and forget it',
  async run(args, io) {
    const o = parseOptions(args, {
      'data-dir': { type: 'string' },
      force: { type: 'boolean', default: false }
    })
    const ctx = cliContext(dataDirOf(o['data-dir']))
    try {
      const account = ctx.accounts.active()
      if (!account) throw new CliError('no account is signed in')
      const open = ctx.mirrors
        .get(account.id)
        .prepare("SELECT COUNT(*) AS n FROM outbox WHERE state <> 'done'")
        .get() as { n: number }
      if (open.n > 0 && !o.force)
        throw new CliError(
          `${open.n} change(s) have not reached USOS yet; run sync first, or --force to discard them`
        )
      const { revoked } = await ctx.accounts.signOut(account.id)
      ctx.mirrors.remove(account.id)
      if (!revoked)
        io.err('USOS could not be told (offline or the token had already lapsed); signed out here.\n')
      return 0
    } finally {
      ctx.close()
    }
  }
}

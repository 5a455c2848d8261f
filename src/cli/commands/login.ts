import { APP_SCOPES } from '../../core/accounts/types'
import { parseOptions, requireOption } from '../args'
import { CliError } from '../errors'
import { cliContext } from './context'
import type { CliCommand } from './index'
import type { CliIo } from '../io'
import { signOutAccount } from '../../core/app/sign-out'
import { AppError } from '../../shared/errors'
import { dataDirOf } from './profile'

export const CONSUMER_SECRET_ENV = 'OFFICE_HOURS_CONSUMER_SECRET'

/**
 * The consumer secret: from standard input's first line (--consumer-secret-stdin), the
 * environment (OFFICE_HOURS_CONSUMER_SECRET), or --consumer-secret, which other local users can
 * read in the process list while login runs (kept for scripts; README says so).
 */
async function consumerSecretOf(
  o: { 'consumer-secret'?: string | undefined; 'consumer-secret-stdin'?: boolean | undefined },
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  const given = [o['consumer-secret-stdin'] === true, o['consumer-secret'] !== undefined].filter(Boolean)
  if (given.length > 1) throw new CliError('give the consumer secret one way only')
  if (o['consumer-secret-stdin']) {
    const line = await io.readLine()
    if (line === null || line.trim() === '') throw new CliError('no consumer secret on standard input')
    return line.trim()
  }
  if (o['consumer-secret'] !== undefined) {
    if (o['consumer-secret'] === '') throw new CliError('--consumer-secret is empty')
    return o['consumer-secret']
  }
  const fromEnv = env[CONSUMER_SECRET_ENV]
  if (fromEnv && fromEnv.trim()) return fromEnv.trim()
  throw new CliError(
    `the consumer secret is required: set ${CONSUMER_SECRET_ENV}, or pass --consumer-secret-stdin and type it`
  )
}

export const loginCommand: CliCommand = {
  summary: 'sign in to a USOS installation (OAuth PIN flow; reads the PIN from standard input)',
  async run(args, io) {
    const o = parseOptions(args, {
      'base-url': { type: 'string' },
      'consumer-key': { type: 'string' },
      'consumer-secret': { type: 'string' },
      'consumer-secret-stdin': { type: 'boolean', default: false },
      scopes: { type: 'string' },
      'data-dir': { type: 'string' }
    })
    const scopes = o.scopes ? o.scopes.split('|').filter(Boolean) : [...APP_SCOPES]
    if (scopes.some((s) => !/^[a-z_]+$/.test(s)))
      throw new CliError('--scopes must be pipe-separated scope names, e.g. studies|offline_access')
    const baseUrl = requireOption(o['base-url'], 'base-url')
    const consumerKey = requireOption(o['consumer-key'], 'consumer-key')
    const consumerSecret = await consumerSecretOf(o, io)
    const ctx = cliContext(dataDirOf(o['data-dir']), io)
    try {
      const { pendingId, authorizeUrl } = await ctx.accounts.beginSignIn({
        baseUrl,
        consumerKey,
        consumerSecret,
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
    const ctx = cliContext(dataDirOf(o['data-dir']), io)
    try {
      const account = ctx.accounts.active()
      if (!account) throw new CliError('no account is signed in')
      let revoked: boolean
      try {
        ;({ revoked } = await signOutAccount(ctx, account.id, o.force ? { discardPendingWrites: true } : {}))
      } catch (error) {
        const pending = (error as AppError).details as { pendingWrites?: number } | undefined
        if (error instanceof AppError && pending?.pendingWrites)
          throw new CliError(
            `${pending.pendingWrites} change(s) have not reached USOS yet; run sync first, or --force to discard them`
          )
        throw error
      }
      if (!revoked)
        io.err('USOS could not be told (offline or the token had already lapsed); signed out here.\n')
      return 0
    } finally {
      ctx.close()
    }
  }
}

import { existsSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { AccountRepository } from '../../core/accounts/repository'
import type { Account } from '../../core/accounts/types'
import { MirrorSet } from '../../core/app/mirrors'
import { defaultDataDir, profileFile } from '../../core/app/paths'
import { openDatabase } from '../../core/store/db'
import { profileMigrations } from '../../core/store/migrations'
import { CliError } from '../errors'
import type { CliIo } from '../io'
import { CALENDAR_DAY_RULE, isCalendarDay } from '../../shared/dates'

/** The profile a command works on: --data-dir, or the desktop app's own folder. */
export function dataDirOf(option: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  if (option !== undefined && /[\u0000-\u001f\u007f]/.test(option))
    throw new CliError(
      `--data-dir must not contain a newline or another control character, got ${JSON.stringify(option)}`
    )
  return option && option.trim() ? option : defaultDataDir()
}

/** Says on stderr that a profile file failed SQLite's check and was moved aside (never silent). */
export function announceQuarantine(io: CliIo): (file: string, movedTo: string) => void {
  return (file, movedTo) =>
    io.err(
      `office-hours: ${JSON.stringify(file)} is damaged (SQLite's check failed); it was moved aside to ${JSON.stringify(movedTo)} and a new empty one started (a full sync rebuilds a mirror).\n`
    )
}

/**
 * The active account's mirror, for commands that only read it (no network, no secrets).
 * Answers a clear error when there is no profile or no account yet.
 */
export function openActiveMirror(
  dataDir: string,
  io: CliIo
): {
  account: Account
  mirror: Database.Database
  close(): void
} {
  if (!existsSync(profileFile(dataDir))) {
    throw new CliError(`no profile in ${dataDir}: sign in first (office-hours login, or the app)`)
  }
  const opened = openDatabase(profileFile(dataDir), { migrations: profileMigrations })
  const profile = opened.db
  if (opened.quarantinedTo) announceQuarantine(io)(profileFile(dataDir), opened.quarantinedTo)
  try {
    const row = profile.prepare("SELECT value FROM settings WHERE key = 'active_account'").get() as
      { value: string } | undefined
    const repo = new AccountRepository(profile)
    const account = (row ? repo.get(JSON.parse(row.value) as string) : null) ?? repo.list()[0] ?? null
    if (!account)
      throw new CliError(`no account in ${dataDir}: sign in first (office-hours login, or the app)`)
    const mirrors = new MirrorSet(dataDir, undefined, announceQuarantine(io))
    const mirror = mirrors.get(account.id)
    return {
      account,
      mirror,
      close: () => {
        mirrors.closeAll()
        profile.close()
      }
    }
  } catch (error) {
    profile.close()
    throw error
  }
}

export function dayOption(value: string | undefined, name: string): string {
  if (value === undefined) throw new CliError(`--${name} is required`)
  if (!isCalendarDay(value)) throw new CliError(`--${name} must be ${CALENDAR_DAY_RULE}, got "${value}"`)
  return value
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

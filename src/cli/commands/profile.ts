import { existsSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { AccountRepository } from '../../core/accounts/repository'
import type { Account } from '../../core/accounts/types'
import { MirrorSet } from '../../core/app/mirrors'
import { defaultDataDir, profileFile } from '../../core/app/paths'
import { openDatabase } from '../../core/store/db'
import { profileMigrations } from '../../core/store/migrations'
import { CliError } from '../errors'

/** The profile a command works on: --data-dir, or the desktop app's own folder. */
export function dataDirOf(option: string | undefined): string {
  return option && option.trim() ? option : defaultDataDir()
}

/**
 * The active account's mirror, for commands that only read it (no network, no secrets).
 * Answers a clear error when there is no profile or no account yet.
 */
export function openActiveMirror(dataDir: string): {
  account: Account
  mirror: Database.Database
  close(): void
} {
  if (!existsSync(profileFile(dataDir))) {
    throw new CliError(`no profile in ${dataDir}: sign in first (office-hours login, or the app)`)
  }
  const profile = openDatabase(profileFile(dataDir), { migrations: profileMigrations }).db
  try {
    const row = profile.prepare("SELECT value FROM settings WHERE key = 'active_account'").get() as
      { value: string } | undefined
    const repo = new AccountRepository(profile)
    const account = (row ? repo.get(JSON.parse(row.value) as string) : null) ?? repo.list()[0] ?? null
    if (!account)
      throw new CliError(`no account in ${dataDir}: sign in first (office-hours login, or the app)`)
    const mirrors = new MirrorSet(dataDir)
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

export const DAY = /^\d{4}-\d{2}-\d{2}$/
export function dayOption(value: string | undefined, name: string): string {
  if (value === undefined) throw new CliError(`--${name} is required`)
  if (
    !DAY.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new CliError(`--${name} must be a date as YYYY-MM-DD, got "${value}"`)
  }
  return value
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

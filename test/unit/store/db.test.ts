import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  migrate,
  openDatabase,
  PROFILE_SCHEMA_VERSION,
  profileMigrations,
  SettingsRepository
} from '../../../src/core/store'

const open = (file: string, extra: { now?: () => Date } = {}) =>
  openDatabase(file, { migrations: profileMigrations, ...extra })
import { AppError } from '../../../src/shared/errors'

const tempDir = () => mkdtempSync(join(tmpdir(), 'office-hours-db-'))

describe('openDatabase', () => {
  it('opens in WAL mode with foreign keys, FULL sync, and the latest schema', () => {
    const file = join(tempDir(), 'sub', 'profile.sqlite')
    const { db, quarantinedTo } = open(file)
    expect(quarantinedTo).toBeNull()
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('user_version', { simple: true })).toBe(PROFILE_SCHEMA_VERSION)
    db.close()
  })

  it('runs only the missing steps, each with its version in one transaction', () => {
    const db = new Database(':memory:')
    const ran: number[] = []
    const steps = [
      () => ran.push(1),
      () => ran.push(2),
      (d: Database.Database) => {
        ran.push(3)
        d.exec('CREATE TABLE t (x)')
        throw new Error('step 3 fails')
      }
    ]
    expect(() => migrate(db, steps)).toThrow('step 3 fails')
    expect(ran).toEqual([1, 2, 3])
    // Steps 1 and 2 landed; step 3's table was rolled back with its version.
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toBeUndefined()
    migrate(db, steps.slice(0, 2))
    expect(ran).toEqual([1, 2, 3])
  })

  it('refuses a database written by a newer app', () => {
    const file = join(tempDir(), 'profile.sqlite')
    const raw = new Database(file)
    raw.pragma('user_version = 999')
    raw.close()
    let error: unknown
    try {
      open(file)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('storage_error')
    expect((error as AppError).message).toMatch(/newer version/)
  })

  it('quarantines a corrupt file with its side files and starts a fresh mirror', () => {
    const dir = tempDir()
    const file = join(dir, 'profile.sqlite')
    writeFileSync(file, 'this is not a database, just text that happens to be long enough'.repeat(100))
    writeFileSync(`${file}-wal`, 'junk')
    const { db, quarantinedTo } = open(file, { now: () => new Date('2026-11-22T10:00:00Z') })
    expect(quarantinedTo).toBe(`${file}.broken-2026-11-22T10-00-00-000Z`)
    expect(existsSync(quarantinedTo as string)).toBe(true)
    expect(existsSync(`${quarantinedTo}-wal`)).toBe(true)
    expect(db.pragma('user_version', { simple: true })).toBe(PROFILE_SCHEMA_VERSION)
    expect(readFileSync(quarantinedTo as string, 'utf8')).toMatch(/^this is not a database/)
    expect(readFileSync(`${quarantinedTo}-wal`, 'utf8')).toBe('junk')
    // The live name now holds a real, fresh database.
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3')
    db.close()
  })
})

describe('SettingsRepository', () => {
  it('keeps settings across reopening and ignores damaged values', () => {
    const file = join(tempDir(), 'profile.sqlite')
    const first = open(file).db
    const repo = new SettingsRepository(first)
    expect(repo.get()).toEqual({
      language: 'pl',
      theme: 'system',
      autoExportIcsPath: null,
      autoSyncMinutes: 10,
      icsAlarmMinutes: null,
      notifySignUps: true,
      notifyPromotions: true,
      reminderMinutes: 15
    })
    expect(repo.update({ language: 'en' })).toEqual({
      language: 'en',
      theme: 'system',
      autoExportIcsPath: null,
      autoSyncMinutes: 10,
      icsAlarmMinutes: null,
      notifySignUps: true,
      notifyPromotions: true,
      reminderMinutes: 15
    })
    first.prepare("UPDATE settings SET value = '{broken' WHERE key = 'language'").run()
    first.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run()
    first.close()
    const second = open(file).db
    expect(new SettingsRepository(second).get()).toEqual({
      language: 'pl',
      theme: 'dark',
      autoExportIcsPath: null,
      autoSyncMinutes: 10,
      icsAlarmMinutes: null,
      notifySignUps: true,
      notifyPromotions: true,
      reminderMinutes: 15
    })
    expect(new SettingsRepository(second).update({ icsAlarmMinutes: 60 }).icsAlarmMinutes).toBe(60)
    // A value no longer offered (or damaged) falls back to none.
    second.prepare("UPDATE settings SET value = '30' WHERE key = 'icsAlarmMinutes'").run()
    expect(new SettingsRepository(second).get().icsAlarmMinutes).toBeNull()
    // Each kind of notification is turned off and on by itself; a reminder lead not offered is the default.
    expect(new SettingsRepository(second).update({ notifySignUps: false, reminderMinutes: 0 })).toMatchObject(
      {
        notifySignUps: false,
        notifyPromotions: true,
        reminderMinutes: 0
      }
    )
    second.prepare("UPDATE settings SET value = '7' WHERE key = 'reminderMinutes'").run()
    second.prepare("UPDATE settings SET value = '\"no\"' WHERE key = 'notifySignUps'").run()
    expect(new SettingsRepository(second).get()).toMatchObject({ notifySignUps: true, reminderMinutes: 15 })
    second.close()
  })
})

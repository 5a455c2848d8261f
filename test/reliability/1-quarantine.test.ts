/**
 * Finding 1: a healthy profile must never be moved aside as "broken" after a full disk or a lock
 * held by another process; only SQLite's own corruption verdict quarantines, and it is announced.
 */
import Database from 'better-sqlite3'
import { closeSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountRepository } from '../../src/core/accounts'
import { profileFile } from '../../src/core/app/paths'
import { isCorruption, openDatabase, profileMigrations } from '../../src/core/store'
import { createApiHandlers } from '../../src/main/ipc'
import { AppError } from '../../src/shared/errors'
import { profileWithAccount } from '../helpers/profile'
import { cli, signedInContext, tempDir } from './helpers'

const broken = (dir: string) => readdirSync(dir).filter((f) => f.includes('.broken-'))

function caught(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('finding 1: quarantine only what SQLite calls corrupt', () => {
  it('a full disk (page budget) is one clear error; nothing is moved and the data is intact after', () => {
    const dir = tempDir()
    profileWithAccount(dir).closeAll()
    const file = profileFile(dir)
    const pages = (() => {
      const db = new Database(file)
      const n = db.pragma('page_count', { simple: true }) as number
      db.close()
      return n
    })()
    // An update whose migration needs room on a full disk: SQLite answers SQLITE_FULL.
    const grow = (db: Database.Database) => {
      db.exec('CREATE TABLE filler (x BLOB)')
      db.prepare('INSERT INTO filler VALUES (?)').run(Buffer.alloc(256 * 1024))
    }
    const error = caught(() =>
      openDatabase(file, { migrations: [...profileMigrations, grow], maxPageCount: pages })
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('storage_error')
    expect((error as AppError).message).toMatch(/disk .* is full/)
    expect((error as AppError).message).not.toMatch(/\n/)
    expect(isCorruption(error)).toBe(false)
    expect(broken(dir)).toEqual([])
    // Space freed: the same file opens, its account still there, nothing quarantined.
    const reopened = openDatabase(file, { migrations: profileMigrations })
    expect(reopened.quarantinedTo).toBeNull()
    expect(new AccountRepository(reopened.db).get('acc1')?.firstName).toBe('Zofia')
    reopened.db.close()
  })

  it('a profile held by another process (EXCLUSIVE locking) is a clear error, never quarantined', async () => {
    const dir = tempDir()
    profileWithAccount(dir).closeAll()
    const file = profileFile(dir)
    const holder = new Database(file)
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    holder.prepare("INSERT INTO settings (key, value) VALUES ('held', '1')").run()
    try {
      const error = caught(() => openDatabase(file, { migrations: profileMigrations, busyTimeoutMs: 100 }))
      expect((error as AppError).code).toBe('storage_error')
      expect((error as AppError).message).toMatch(/in use by another process/)
      expect(broken(dir)).toEqual([])
      // The CLI: one line on stderr, a failure status, no stack trace, nothing moved.
      const r = await cli(['calendar', '--from', '2026-11-01', '--to', '2026-11-30', '--data-dir', dir])
      expect(r.code).not.toBe(0)
      expect(r.err.trim().split('\n')).toHaveLength(1)
      expect(r.err).toMatch(/in use by another process/)
      expect(r.err).not.toMatch(/\s+at\s/)
      expect(broken(dir)).toEqual([])
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    const reopened = openDatabase(file, { migrations: profileMigrations })
    expect(reopened.quarantinedTo).toBeNull()
    expect(new AccountRepository(reopened.db).get('acc1')).not.toBeNull()
    reopened.db.close()
  }, 20_000)

  it('a file SQLite calls "not a database" is moved aside and announced in the CLI and the app', async () => {
    const dir = tempDir()
    profileWithAccount(dir).closeAll()
    const mirror = join(dir, 'accounts', 'acc1', 'mirror.sqlite')
    mkdirSync(join(dir, 'accounts', 'acc1'), { recursive: true })
    writeFileSync(mirror, 'this is not a database, just text that is long enough '.repeat(100))
    const r = await cli(['calendar', '--from', '2026-11-01', '--to', '2026-11-30', '--data-dir', dir])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/mirror\.sqlite" is damaged .* moved aside to ".*mirror\.sqlite\.broken-/)
    expect(broken(join(dir, 'accounts', 'acc1'))).toHaveLength(1)

    // The app: getAppInfo names the moved file.
    writeFileSync(mirror, 'garbage '.repeat(1000))
    const ctx = signedInContext(dir)
    try {
      const info = await createApiHandlers(ctx).getAppInfo({})
      expect(info.quarantined).toHaveLength(1)
      expect(info.quarantined[0]).toMatch(/mirror\.sqlite\.broken-/)
    } finally {
      ctx.close()
    }
  })

  it('a damaged page (quick_check finds it) is quarantined; the classifier says which errors are corruption', () => {
    const dir = tempDir()
    const file = join(dir, 'profile.sqlite')
    const db = new Database(file)
    db.pragma('page_size = 4096')
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x)')
    const insert = db.prepare('INSERT INTO t VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`)
    })()
    db.close()
    // Scribble over the middle of the file (an index/table page), leaving the header alone.
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 5)
    closeSync(fd)
    const opened = openDatabase(file, { migrations: [] })
    expect(opened.quarantinedTo).toMatch(/profile\.sqlite\.broken-/)
    opened.db.close()
    expect(isCorruption(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(true)
    expect(isCorruption(Object.assign(new Error('x'), { code: 'SQLITE_NOTADB' }))).toBe(true)
    for (const code of ['SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_READONLY'])
      expect(isCorruption(Object.assign(new Error('x'), { code }))).toBe(false)
  })
})

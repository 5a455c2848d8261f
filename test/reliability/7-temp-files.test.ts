/**
 * Finding 7: writeFileAtomic removes its temp file when the rename fails (export-ics --out <a
 * folder> left a 16 KB temp file behind), and the CLI says so in one line.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/core/fs/atomic'
import { profileWithAccount } from '../helpers/profile'
import { cli, tempDir } from './helpers'

const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'))

describe('finding 7: temp files removed on failure', () => {
  it('a rename onto a folder fails and leaves no temp file', () => {
    const dir = tempDir()
    const target = join(dir, 'calendar.ics')
    mkdirSync(target)
    writeFileSync(join(target, 'inside'), 'x') // a non-empty folder: rename cannot replace it
    expect(() => writeFileAtomic(target, 'BEGIN:VCALENDAR\r\n'.repeat(1000))).toThrow()
    expect(temps(dir)).toEqual([])
    expect(readdirSync(dir)).toEqual(['calendar.ics'])
  })

  it('export-ics --out <a folder> is one clear line, and nothing is left behind', async () => {
    const dir = tempDir()
    profileWithAccount(dir).closeAll()
    const out = join(dir, 'exports')
    mkdirSync(out)
    const r = await cli(['export-ics', '--out', out, '--data-dir', dir])
    expect(r.code).toBe(2)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/--out is a folder/)
    expect(temps(dir)).toEqual([])
    expect(readdirSync(out)).toEqual([])
  })

  it('a successful write leaves only the file', () => {
    const dir = tempDir()
    writeFileAtomic(join(dir, 'a.ics'), 'x')
    expect(readdirSync(dir)).toEqual(['a.ics'])
  })
})

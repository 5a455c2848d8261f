import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import i18next from 'i18next'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { resources } from '../../../src/renderer/app/i18n'
import { errorText } from '../../../src/renderer/app/error-text'
import en from '../../../src/renderer/app/locales/en.json'
import pl from '../../../src/renderer/app/locales/pl.json'
import { UsosError } from '../../../src/core/usos/errors'
import { freeDaysFromIcs } from '../../../src/core/planner/free-days'
import { AppError } from '../../../src/shared/errors'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { previewDraft } from '../../../src/core/planner/drafts'
import { mirrorMigrations } from '../../../src/core/mirror'
import { openDatabase } from '../../../src/core/store'
import type { DraftInput } from '../../../src/shared/types-planner'

/** Every source file under a folder (the app's own code: core, main, shared). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** English words a Polish sentence never has (the core's and USOS's messages are full of them). */
const ENGLISH = /\b(the|is|not|was|has|have|this|that|with|answered|failed|refused|sign in|could|cannot)\b/i

function shape(error: unknown): unknown {
  return JSON.parse(JSON.stringify(error instanceof AppError ? error.toShape() : error))
}

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (e) {
    return shape(e)
  }
  throw new Error('it did not throw')
}

describe('errors in the Polish UI', () => {
  beforeAll(async () => {
    await i18next.init({ resources, lng: 'pl', fallbackLng: false, interpolation: { escapeValue: false } })
  })

  it('has both languages for every message id the app gives its errors', () => {
    const ids = new Set<string>()
    for (const file of [...sources('src/core'), ...sources('src/main'), ...sources('src/shared')]) {
      const text = readFileSync(file, 'utf8')
      // `new AppError(..., { key: 'x' })` and the generator's `{ key: 'x' }`: only where an error is made.
      if (!/AppError|GenerateInputError/.test(text)) continue
      // `key: 'x'`, and a union of them (`key: 'a' | 'b'`, where a function words its error).
      for (const m of text.matchAll(/\bkey: ('[A-Za-z]+'(?: \| '[A-Za-z]+')*)/g))
        for (const id of m[1]!.matchAll(/'([A-Za-z]+)'/g)) ids.add(id[1]!)
    }
    expect(ids.size).toBeGreaterThan(30)
    const errorsPl = (pl as { errors: Record<string, unknown> }).errors
    const errorsEn = (en as { errors: Record<string, unknown> }).errors
    const missing = [...ids].filter(
      (id) => typeof errorsPl[id] !== 'string' || typeof errorsEn[id] !== 'string'
    )
    expect(missing).toEqual([])
  })

  it('gives every error the window may show a message id, or a kind the window words', () => {
    // Refusals of the command line's own arguments (the window offers only valid choices) and a
    // write kind no caller can name.
    const commandLineOnly = [
      'src/core/export/participant-lists.ts',
      'src/core/sync/engine.ts',
      'src/core/outbox/queue.ts'
    ]
    const unworded: string[] = []
    for (const file of [...sources('src/core'), ...sources('src/main')]) {
      if (commandLineOnly.includes(file)) continue
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/new AppError\(/g)) {
        let depth = 1
        let i = m.index + m[0].length
        while (depth > 0 && i < text.length) {
          if (text[i] === '(') depth++
          else if (text[i] === ')') depth--
          i++
        }
        const call = text.slice(m.index, i)
        const worded =
          /\bkey\b\s*[:,}]|\.text\)$/.test(call) ||
          /kind: '(bad_response|validation)'/.test(call) ||
          /^new AppError\(\s*'(storage_error|internal)'/.test(call)
        if (!worded) unworded.push(`${file}: ${call.replace(/\s+/g, ' ').slice(0, 120)}`)
      }
    }
    expect(unworded).toEqual([])
  })

  it('words the core refusing bad input (a broken free-days file, a planner rule) in Polish', () => {
    const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'error-text-')), 'mirror.sqlite'), {
      migrations: mirrorMigrations
    })
    const draft: DraftInput = {
      name: 'Dyżur',
      facultyId: 'WMIM',
      startDate: '2027-03-01',
      endDate: '2027-06-30',
      number: 10,
      frequency: 'weekly',
      weekDay: 2,
      useCalendar: true,
      startTime: '10:00',
      durationMin: 90,
      room: null
    }
    const cases = [
      thrown(() => freeDaysFromIcs('this is not a calendar')),
      thrown(() => freeDaysFromIcs('BEGIN:VEVENT\r\nEND:VEVENT\r\n')),
      thrown(() =>
        freeDaysFromIcs(
          'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Ferie\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20271201\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
        )
      ),
      thrown(() => previewDraft(db, { ...draft, startDate: '2027-02-30' })),
      thrown(() => previewDraft(db, { ...draft, endDate: '2027-02-01' }))
    ]
    const texts = cases.map(errorText)
    expect(texts[0]).toContain('iCalendar')
    expect(texts[2]).toContain('Ferie')
    expect(texts[3]).toContain('2027-02-30')
    for (const text of texts) {
      expect(text).not.toMatch(ENGLISH)
      expect(text).not.toBe(i18next.t('errors.code.invalid_argument'))
    }
    // The English UI has its own sentence for each, not the Polish one.
    void i18next.changeLanguage('en')
    try {
      expect(errorText(cases[0])).toMatch(/not a readable iCalendar/)
    } finally {
      void i18next.changeLanguage('pl')
    }
  })

  it('never shows the English text of a USOS failure, whatever its kind', () => {
    const failures = [
      new UsosError('unauthorized', 'Invalid access token.', {
        status: 401,
        method: 'services/meetings/lecturer'
      }),
      new UsosError('server', 'Internal Server Error', { status: 500 }),
      new UsosError(
        'bad_response',
        'USOS answered the meeting dates in an unexpected shape: start_time is 7',
        {
          status: 200
        }
      ),
      new UsosError('usos', 'The meeting date has been cancelled by the coordinator.', {
        status: 400,
        usosCode: 'object_invalid'
      }),
      new UsosError('validation', 'Parameter room_id is invalid.', {
        status: 400,
        usosCode: 'param_invalid',
        paramName: 'room_id'
      }),
      new AppError('storage_error', 'database or disk is full', {
        file: 'mirror.sqlite',
        sqliteCode: 'SQLITE_FULL'
      }),
      new AppError('storage_error', 'attempt to write a readonly database', {
        file: 'mirror.sqlite',
        sqliteCode: 'SQLITE_READONLY_DIRECTORY'
      }),
      new AppError('internal', 'Something went wrong inside the app: x is undefined')
    ]
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const texts = failures.map((f) => errorText(shape(f)))
    error.mockRestore()
    for (const text of texts) {
      expect(text).not.toMatch(ENGLISH)
      expect(text).not.toMatch(/\{\{|errors\./)
    }
    // Each kind is told apart, and the code or field USOS named is kept.
    expect(new Set(texts).size).toBe(texts.length)
    expect(texts[3]).toContain('object_invalid')
    expect(texts[4]).toContain('room_id')
    expect(texts[5]).toMatch(/dysku/)
  })

  it('keeps the message of an error the core gave no id to in the English UI', () => {
    void i18next.changeLanguage('en')
    try {
      const text = errorText(
        shape(new UsosError('usos', 'The meeting date has been cancelled.', { status: 400 }))
      )
      expect(text).toBe('The meeting date has been cancelled.')
    } finally {
      void i18next.changeLanguage('pl')
    }
  })
})

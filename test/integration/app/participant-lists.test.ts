import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { syncedDemo } from '../../helpers/demo-app'
import { PYTHON, pythonModule } from '../../helpers/python-icalendar'
import {
  parseColumns,
  parseLists,
  participantTable,
  participantTableCsv,
  participantTableHtml,
  participantTableXlsx
} from '../../../src/core/export/participant-lists'
import { meetingDateDetails } from '../../../src/core/office-hours/details'
import type { MeetingDateDetails } from '../../../src/shared/types'

const everything = { from: '2000-01-01', to: '2100-01-01' }
const polish = new Intl.Collator('pl', { sensitivity: 'base' })

describe('the lists a lecturer chooses: lists and columns, printed, CSV and XLSX', () => {
  const app = syncedDemo()

  /** A date with at least two people on the main list (for the order) and someone on the reserve list. */
  async function chosenDate(): Promise<MeetingDateDetails> {
    const db = app.ctx.mirrors.get(app.ctx.accounts.active()!.id)
    for (const d of (await app.api.calendarRange(everything)).filter((i) => i.kind === 'meeting_date')) {
      const details = meetingDateDetails(db, d.id)
      if (details.main.length >= 2 && details.reserve.length >= 1) return details
    }
    throw new Error('the demo has no date with two on the main list and one on the reserve list')
  }

  it('holds exactly the chosen lists and columns, the main list in Polish order', async () => {
    const details = await chosenDate()
    const table = participantTable(details, {
      lists: ['main'],
      columns: ['name', 'student_number', 'status'],
      language: 'pl'
    })
    expect(table.headers).toEqual(['Imię i nazwisko', 'Nr albumu', 'Status'])
    expect(table.sections.map((s) => s.list)).toEqual(['main'])
    expect(table.sections[0]!.rows).toHaveLength(details.main.length)
    const sortedPeople = [...details.main].sort(
      (a, b) => polish.compare(a.lastName, b.lastName) || polish.compare(a.firstName, b.firstName)
    )
    expect(table.sections[0]!.rows.map((r) => r[0])).toEqual(
      sortedPeople.map(
        (p) =>
          [p.titles, p.firstName, p.lastName].filter(Boolean).join(' ') +
          (p.isExternal ? ' (spoza USOS)' : '')
      )
    )

    const csv = participantTableCsv(table, 'pl')
    expect(csv.startsWith('\uFEFF"Lista";"Imię i nazwisko";"Nr albumu";"Status"\r\n')).toBe(true)
    expect(csv.trim().split('\r\n')).toHaveLength(1 + details.main.length)
    expect(participantTableCsv(table, 'pl', ',')).toContain('"Lista","Imię i nazwisko"')

    const html = participantTableHtml(
      participantTable(details, {
        lists: ['reserve'],
        columns: ['place', 'name', 'signature'],
        language: 'pl'
      }),
      'pl',
      '4 grudnia 2026 11:23'
    )
    expect(html).toContain('Lista rezerwowa')
    expect(html).not.toContain('Lista główna')
    expect(html).toContain('<th class="sig">Podpis</th>')
    expect(html).not.toContain('Nr albumu')
  })

  it('writes an XLSX that an independent reader (Python openpyxl) reads back as the same table', async (t) => {
    const python = pythonModule('openpyxl', 'python3-openpyxl')
    if (!python.available) return t.skip(`Python openpyxl: ${python.reason}`)
    const details = await chosenDate()
    const table = participantTable(details, {
      lists: ['main', 'reserve'],
      columns: ['place', 'name', 'status', 'attendance'],
      language: 'pl',
      attendance: new Map([[details.main[0]!.id, 'late']])
    })
    const file = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'lista.xlsx')
    writeFileSync(file, await participantTableXlsx(table, 'pl'))
    const read = spawnSync(
      PYTHON,
      [
        '-c',
        'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps({"title": ws.title, "rows": [["" if c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)]}))',
        file
      ],
      { encoding: 'utf8' }
    )
    expect(read.status, read.stderr).toBe(0)
    const { title, rows } = JSON.parse(read.stdout) as { title: string; rows: string[][] }
    expect(title).toBe('Uczestnicy')
    expect(rows[0]).toEqual(['Lista', 'Lp.', 'Imię i nazwisko', 'Status', 'Obecność'])
    expect(rows.slice(1)).toEqual(table.sections.flatMap((s) => s.rows.map((r) => [s.title, ...r])))
    expect(rows.flat()).toContain('spóźniony')
  })

  it('refuses unknown list or column names in one line, naming them and the choices', () => {
    expect(parseLists('main,rejected')).toEqual(['main', 'rejected'])
    expect(parseColumns('name, email ,name')).toEqual(['name', 'email'])
    expect(() => parseLists('main,waiting')).toThrow(
      'Unknown list: waiting (choose from main, reserve, rejected).'
    )
    expect(() => parseColumns('name,phone,age')).toThrow(
      /^Unknown column: phone, age \(choose from place, name/
    )
    expect(() => parseColumns(',')).toThrow(/at least one/)
  })
})

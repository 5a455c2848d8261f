/**
 * A participant list long enough for several A4 pages, printed by Chromium as the app prints it:
 * every page repeats the table's header, no row is split between two pages, and every person is
 * there once, main list then reserve list.
 */
import { test, expect } from '@playwright/test'
import { participantListHtml } from '../../src/core/export/participants'
import { meetingDate, person } from '../helpers/meeting-date-fixture'

test('a long participant list prints on several pages with the header repeated and rows whole', async ({
  page
}) => {
  const main = Array.from({ length: 90 }, (_, i) =>
    person({
      id: `m${i}`,
      firstName: `Imię${i}`,
      lastName: `Nazwisko${String(i).padStart(3, '0')}`,
      studentNumber: String(400000 + i),
      numberInQueue: i + 1,
      // Some rows wrap to several lines: they must still not be split.
      substantiationMessage:
        i % 7 === 0 ? 'Konsultacja w sprawie pracy dyplomowej, rozdział drugi i trzeci; '.repeat(3) : null
    })
  )
  const reserve = Array.from({ length: 25 }, (_, i) =>
    person({
      id: `r${i}`,
      firstName: `Rezerwa${i}`,
      lastName: `Kolejka${String(i).padStart(3, '0')}`,
      isReserve: true,
      status: 'waiting',
      numberInQueue: i + 1
    })
  )
  await page.setContent(participantListHtml(meetingDate({ main, reserve }), 'pl', '2026-11-22 10:00'))
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise
  expect(doc.numPages).toBeGreaterThanOrEqual(3)

  const seen = new Map<string, number>()
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items
    const text = items
      .map((i) => ('str' in i ? i.str : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
    // The header of whichever table the page continues, on every page.
    expect(text, `page ${n}`).toMatch(/Imię i nazwisko/)
    expect(text, `page ${n}`).toMatch(/Podpis/)
    for (const m of text.matchAll(/(Nazwisko\d{3}|Kolejka\d{3})/g))
      seen.set(m[1]!, (seen.get(m[1]!) ?? 0) + 1)
    // A row is whole on its page: its name comes with its student number, and a tall row with all
    // three repeats of its message, on the same page.
    for (const p of main) if (text.includes(p.lastName)) expect(text, `page ${n}`).toContain(p.studentNumber!)
    const tall = main.filter((p) => p.substantiationMessage && text.includes(p.lastName)).length
    expect(text.match(/rozdział drugi/g)?.length ?? 0, `page ${n}`).toBe(3 * tall)
  }
  for (const p of [...main, ...reserve]) expect(seen.get(p.lastName), p.lastName).toBe(1)
})

import { describe, expect, it } from 'vitest'
import { participantListCsv, participantListHtml } from '../../../src/core/export'
import { meetingDate, person } from '../../helpers/meeting-date-fixture'

const details = meetingDate({
  main: [
    person({ id: '1', firstName: '<img src=x onerror=alert(1)>', lastName: 'Żółć' }),
    person({
      id: '2',
      isExternal: true,
      userId: null,
      firstName: '=HYPERLINK("http://x")',
      lastName: 'Kowalski',
      email: 'jan@example.com',
      studentNumber: null,
      numberInQueue: 2
    })
  ],
  reserve: [
    person({
      id: '3',
      firstName: 'Ewa',
      lastName: 'Kowalska, "Ewka"',
      isReserve: true,
      status: 'waiting',
      numberInQueue: 1,
      substantiationMessage: 'pytanie; o "egzamin"'
    })
  ]
})

describe('participant list', () => {
  it('prints names as text, never as HTML', () => {
    const html = participantListHtml(details, 'pl', '2026-11-22 10:00')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Żółć')
    expect(html).toContain('Lista główna (2)')
    expect(html).toContain('Lista rezerwowa (1)')
    expect(html).toContain("default-src 'none'")
    expect(html).toMatch(/thead \{ display: table-header-group; \}/)
    // The day as a Polish reader writes it ("poniedziałek, 30 listopada 2026"), not ISO.
    expect(html).toMatch(/<p class="meta">[a-ząćęłńóśźż]+, \d{1,2} [a-ząćęłńóśźż]+ \d{4}, \d{2}:\d{2}–/)
  })

  it('writes CSV for a Polish spreadsheet: ";" between fields, the header in Polish', () => {
    const lines = participantListCsv(details, 'pl').slice(1).split('\r\n')
    expect(lines[0]).toBe(
      '"Lista";"Lp.";"Imię i nazwisko";"Nr albumu / kontakt";"Status";"Uzasadnienie";"ID zgłoszenia";"ID osoby w USOS";"E-mail"'
    )
    // A ";" inside a field stays inside its quotes.
    expect(lines[3]).toContain(';"pytanie; o ""egzamin""";')
  })

  it('writes CSV with a BOM, CRLF, quoting, and no formulas', () => {
    const csv = participantListCsv(details, 'en')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"") Kowalski"`)
    expect(lines[3]).toContain('"Ewa Kowalska, ""Ewka"""')
    expect(lines[3]).toContain('"pytanie; o ""egzamin"""')
  })
})

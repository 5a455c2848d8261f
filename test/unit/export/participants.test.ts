import { describe, expect, it } from 'vitest'
import { participantListCsv, participantListHtml } from '../../../src/core/export'
import type { MeetingDateDetails, ParticipantView } from '../../../src/shared/types'

const person = (over: Partial<ParticipantView>): ParticipantView => ({
  id: '1',
  pending: false,
  isExternal: false,
  userId: '55',
  firstName: 'Anna',
  lastName: 'Nowak',
  titles: null,
  studentNumber: '123456',
  email: null,
  contact: null,
  status: 'accepted',
  isReserve: false,
  numberInQueue: 1,
  substantiation: null,
  substantiationMessage: null,
  rejectionSubstantiation: null,
  rejectionMessage: null,
  notesCount: 0,
  ...over
})

const details: MeetingDateDetails = {
  item: {
    kind: 'meeting_date',
    id: '10',
    meetingId: '1',
    title: { pl: 'Dyżur', en: 'Office hours' },
    comment: { pl: null, en: null },
    start: '2026-11-24 10:00:00',
    end: '2026-11-24 11:30:00',
    room: '101, Gmach',
    seatsLimit: 5,
    reserveSeatsLimit: 2,
    acceptedCount: 2,
    waitingCount: 1,
    registeredCount: 3
  },
  meeting: {
    id: '1',
    name: { pl: 'Dyżur', en: 'Office hours' },
    facultyId: 'F1',
    faculty: null,
    termId: null,
    term: null,
    autoAccept: false,
    substantiationMode: null
  },
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
  ],
  rejected: []
}

describe('participant list', () => {
  it('prints names as text, never as HTML', () => {
    const html = participantListHtml(details, 'pl', '2026-11-22 10:00')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Żółć')
    expect(html).toContain('Lista główna (2)')
    expect(html).toContain('Lista rezerwowa (1)')
    expect(html).toContain("default-src 'none'")
    expect(html).toMatch(/thead \{ display: table-header-group; \}/)
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

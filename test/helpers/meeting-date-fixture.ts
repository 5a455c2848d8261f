import type { MeetingDateDetails, ParticipantView } from '../../src/shared/types'

/** A participant as the date's page shows them; `over` changes what a test needs. */
export const person = (over: Partial<ParticipantView>): ParticipantView => ({
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

/** A meeting date with the given lists (Tuesday Nov 24, 2026, 10:00-11:30, room 101). */
export function meetingDate(lists: Pick<MeetingDateDetails, 'main' | 'reserve'>): MeetingDateDetails {
  return {
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
    ...lists,
    rejected: []
  }
}

import { describe, expect, it } from 'vitest'
import { toNote, toParticipant } from '../../../src/core/sync/wire'

const participant = (extra: Record<string, unknown>) => ({
  id: 7,
  status: 'accepted',
  user: { id: 55 },
  ...extra
})

describe('notes in a participant answer', () => {
  it('merges public_notes and private_notes of the same instance by id', () => {
    const p = toParticipant(
      participant({
        public_notes: [
          {
            id: 3,
            faculty: { id: 'WMIM' },
            term: { id: '2026Z' },
            creation_date: '2026-10-01 10:00:00',
            public_note: 'seen',
            private_note: null
          },
          {
            id: 4,
            faculty: null,
            term: null,
            creation_date: null,
            public_note: 'other author',
            private_note: null
          }
        ],
        private_notes: [
          {
            id: 3,
            faculty: { id: 'WMIM' },
            term: { id: '2026Z' },
            creation_date: '2026-10-01 10:00:00',
            public_note: 'seen',
            private_note: 'mine only'
          }
        ]
      })
    )
    expect(p.notes).toEqual([
      {
        id: '3',
        faculty_id: 'WMIM',
        term_id: '2026Z',
        creation_date: '2026-10-01 10:00:00',
        public_note: 'seen',
        private_note: 'mine only'
      },
      {
        id: '4',
        faculty_id: null,
        term_id: null,
        creation_date: null,
        public_note: 'other author',
        private_note: null
      }
    ])
  })

  it('has no notes when USOS lists none or was not asked', () => {
    expect(toParticipant(participant({})).notes).toEqual([])
    expect(toParticipant(participant({ public_notes: [], private_notes: null })).notes).toEqual([])
  })

  it('takes faculty and term as ids or as objects', () => {
    expect(toNote({ id: '9', faculty: 'WF', term: { id: 'T' } })).toMatchObject({
      faculty_id: 'WF',
      term_id: 'T'
    })
  })

  it('refuses malformed notes with a clear error', () => {
    expect(() => toParticipant(participant({ public_notes: 'x' }))).toThrow(/public_notes.*expected a list/)
    expect(() => toNote({ faculty: null })).toThrow(/a note/)
    expect(() => toNote({ id: 1, creation_date: 'yesterday' })).toThrow(/datetime/)
    expect(() => toNote([1])).toThrow(/not an object/)
  })
})

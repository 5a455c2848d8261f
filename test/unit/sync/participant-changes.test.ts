import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { syncMeetings } from '../../../src/core/sync'
import { participantChanges, snapshotParticipants } from '../../../src/core/sync/participant-changes'
import { openDatabase } from '../../../src/core/store/db'
import { mirrorMigrations } from '../../../src/core/mirror/schema'
import { fakeUsos } from '../../helpers/fake-usos'

const person = (id: number, first: string, last: string, isReserve: boolean) => ({
  id,
  is_external: false,
  user: { id: String(id + 1000), first_name: first, last_name: last, student_number: null },
  status: 'accepted',
  is_reserve: isReserve,
  number_in_queue: 1,
  substantiation: null,
  rejection_substantiation: null,
  substantiation_message: null,
  rejection_substantiation_message: null,
  lecturer_actions: [],
  user_actions: []
})

describe('what a sync brought: new sign-ups and moves from the reserve list', () => {
  it('names who signed up anew and who moved up, only for dates not yet ended, and nothing on a first sync', async () => {
    const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'changes-')), 'm.sqlite'), {
      migrations: mirrorMigrations
    })
    const fake = fakeUsos()
    fake.state.participants[10]!.push(person(103, 'Łucja', 'Wróbel', true))
    const window = { lecturerId: '7', from: '2026-11-01', to: '2027-03-01', full: true }
    await syncMeetings(db, fake.usos, window)
    const early = '2026-11-20 00:00:00'
    const before = snapshotParticipants(db, early)
    expect(participantChanges(db, new Map(), early, true)).toEqual({ signedUp: [], promoted: [] })

    // Meanwhile in USOS: Wróbel moves to the main list of date 10, Duda signs up for date 11.
    fake.state.participants[10]!.find((p) => p.id === 103)!.is_reserve = false
    fake.state.participants[11]!.push(person(101, 'Ewa', 'Duda', false))
    await syncMeetings(db, fake.usos, window)

    const changes = participantChanges(db, before, early, false)
    expect(changes.signedUp).toEqual([
      {
        participantId: '101',
        meetingDateId: '11',
        name: 'Ewa Duda',
        firstName: 'Ewa',
        lastName: 'Duda',
        start: '2026-12-01 10:00:00',
        list: 'main'
      }
    ])
    expect(changes.promoted).toEqual([
      {
        participantId: '103',
        meetingDateId: '10',
        name: 'Łucja Wróbel',
        firstName: 'Łucja',
        lastName: 'Wróbel',
        start: '2026-11-24 10:00:00',
        list: 'main'
      }
    ])
    // After date 10 has ended, only date 11 counts.
    const later = '2026-11-25 00:00:00'
    expect(participantChanges(db, before, later, false)).toMatchObject({
      promoted: [],
      signedUp: [{ participantId: '101' }]
    })
  })
})

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
    expect(participantChanges(db, { rows: new Map(), provisional: new Set() }, early, true)).toEqual({
      signedUp: [],
      promoted: []
    })

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

  it('leaves out what the lecturer did: a sign-up made in the app, a participant a queued write concerned', async () => {
    const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'changes-')), 'm.sqlite'), {
      migrations: mirrorMigrations
    })
    const fake = fakeUsos()
    fake.state.participants[10]!.push(person(103, 'Łucja', 'Wróbel', true))
    const window = { lecturerId: '7', from: '2026-11-01', to: '2027-03-01', full: true }
    await syncMeetings(db, fake.usos, window)
    const early = '2026-11-20 00:00:00'

    // The lecturer signs up user 1101 (Ewa Duda) and an outside person for date 11 in the app: shown
    // at once as provisional rows, which the sync replaces by USOS's own.
    db.prepare(
      "INSERT INTO participants (id, meeting_date_id, user_id, status, is_reserve) VALUES ('local:op1', '11', '1101', 'accepted', 0)"
    ).run()
    db.prepare(
      `INSERT INTO participants (id, meeting_date_id, is_external, external_first_name, external_last_name, status, is_reserve)
       VALUES ('local:op2', '11', 1, 'Jan', 'Zewnętrzny', 'accepted', 0)`
    ).run()
    const before = snapshotParticipants(db, early)
    fake.state.participants[11]!.push(person(101, 'Ewa', 'Duda', false))
    fake.state.participants[11]!.push({
      ...person(104, '', '', false),
      is_external: true,
      user: null,
      external_first_name: 'Jan',
      external_last_name: 'Zewnętrzny'
    } as unknown as ReturnType<typeof person>)
    // Someone else signs up for date 11 meanwhile; Wróbel is moved up by an acceptance the lecturer queued.
    fake.state.participants[11]!.push(person(102, 'Adam', 'Nowak', false))
    fake.state.participants[10]!.find((p) => p.id === 103)!.is_reserve = false
    await syncMeetings(db, fake.usos, window)

    const changes = participantChanges(db, before, early, false, new Set(['103']))
    expect(changes.signedUp.map((c) => c.name)).toEqual(['Adam Nowak'])
    expect(changes.promoted).toEqual([])
    // Without the lecturer's write, Wróbel's move is news.
    expect(participantChanges(db, before, early, false).promoted.map((c) => c.name)).toEqual(['Łucja Wróbel'])
  })
})

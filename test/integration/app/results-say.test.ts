import { describe, expect, it } from 'vitest'
import type { MeetingDateDetails } from '../../../src/shared/types'
import { syncedDemo } from '../../helpers/demo-app'

/** Issue 19 (3, 4, 5): a write's result says what USOS did, a search says what it found. */
describe('what the handlers answer after a sign-up, an acceptance and a search', () => {
  const app = syncedDemo()

  const dates = async (): Promise<MeetingDateDetails[]> => {
    const items = await app.api.calendarRange({ from: '2000-01-01', to: '2100-01-01' })
    const out: MeetingDateDetails[] = []
    for (const i of items.filter((x) => x.kind === 'meeting_date'))
      out.push(await app.api.getMeetingDate({ meetingDateId: i.id }))
    return out
  }
  const now = () => app.ctx.now().toISOString().slice(0, 10)
  const onDate = (d: MeetingDateDetails) =>
    new Set([...d.main, ...d.reserve, ...d.rejected].map((p) => p.userId).filter(Boolean))
  /** A person the mirror knows (a participant elsewhere) who is not on this date. */
  const someoneNotOn = async (d: MeetingDateDetails): Promise<{ id: string; name: string }> => {
    const taken = onDate(d)
    for (const other of await dates())
      for (const p of other.main)
        if (p.userId && !p.isExternal && !taken.has(p.userId))
          return { id: p.userId, name: `${p.firstName} ${p.lastName}` }
    throw new Error('the demo has nobody else')
  }

  it('says the person landed on the reserve list, at which place, because the main list is full', async () => {
    const full = (await dates()).find(
      (d) =>
        d.item.start.slice(0, 10) > now() &&
        d.item.seatsLimit !== null &&
        d.main.length >= d.item.seatsLimit &&
        d.reserve.length < (d.item.reserveSeatsLimit ?? 0)
    )
    if (!full) throw new Error('the demo has no full date with reserve seats free')
    const person = await someoneNotOn(full)
    const result = await app.api.signUpUser({
      meetingDateId: full.item.id,
      userId: person.id,
      status: 'accepted'
    })
    expect(result.outcome).toBe('done')
    expect(result.placement).toEqual({
      name: person.name,
      list: 'reserve',
      status: 'waiting',
      place: full.reserve.length + 1,
      mainFull: true
    })
  })

  it('says the person is on the main list, with the status USOS gave', async () => {
    const free = (await dates()).find(
      (d) =>
        d.item.start.slice(0, 10) > now() && d.item.seatsLimit !== null && d.main.length < d.item.seatsLimit
    )
    if (!free) throw new Error('the demo has no date with a free seat')
    const person = await someoneNotOn(free)
    const result = await app.api.signUpUser({
      meetingDateId: free.item.id,
      userId: person.id,
      status: 'waiting'
    })
    expect(result.placement).toMatchObject({
      name: person.name,
      list: 'main',
      status: 'waiting',
      place: null
    })

    // Accepting them: the list is read again and says where they are now.
    const entry = (await app.api.getMeetingDate({ meetingDateId: free.item.id })).main.find(
      (p) => p.userId === person.id
    )!
    const [accepted] = await app.api.acceptParticipants({ participantIds: [entry.id] })
    expect(accepted!.placement).toMatchObject({ name: person.name, list: 'main', status: 'accepted' })

    // Twice: USOS refuses with a reason code the window words itself, and names no one's id.
    const again = await app.api.signUpUser({ meetingDateId: free.item.id, userId: person.id })
    expect(again.outcome).toBe('needs_attention')
    expect(again.placement ?? null).toBeNull()
    expect(again.refusal?.reasons).toContain('user_already_subscribed')
    const [waiting] = (await app.api.listOutbox({})).filter((e) => e.state === 'needs_attention')
    expect(waiting).toMatchObject({
      kind: 'sign_up_specific_user',
      when: free.item.start,
      subject: person.name
    })
    expect(waiting!.refusal?.reasons).toContain('user_already_subscribed')
    await app.api.discardOutbox({ opId: waiting!.opId })
  })

  it('searches people: the first 20 in Polish order, how many matched, none on a miss', async () => {
    const wide = await app.api.searchUsers({ query: 'a' })
    expect(wide.searchedUsos).toBe(false)
    expect(wide.total).toBeGreaterThan(20)
    expect(wide.users).toHaveLength(20)
    const names = wide.users.map((u) => `${u.lastName} ${u.firstName}`)
    expect(names).toEqual([...names].sort(new Intl.Collator('pl').compare))
    expect(await app.api.searchUsers({ query: 'Qqxyzzy' })).toEqual({
      users: [],
      total: 0,
      searchedUsos: false
    })
  })
})

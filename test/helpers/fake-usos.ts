import type { UsosCaller } from '../../src/core/sync'

/** A small in-memory USOS for the three methods the sync reads; counts calls by method. */
export function fakeUsos() {
  const state = {
    meetings: [
      {
        id: 1,
        name: { pl: 'Dyżur', en: 'Office hours' },
        comment: null,
        faculty: { id: 'F1', name: { pl: 'Wydział', en: 'Faculty' } },
        term: {
          id: '2026Z',
          name: { pl: 'Zima', en: 'Winter' },
          start_date: '2026-10-01',
          end_date: '2027-02-28'
        },
        lecturer: { id: '7' },
        open: true,
        state: 'active',
        substantiation_mode: 'this_faculty_only',
        auto_accept: false,
        soonest_datetime: null
      }
    ] as Array<Record<string, unknown>>,
    dates: [
      {
        id: 10,
        meeting: { id: 1 },
        comment: { pl: 'sala', en: 'room' },
        start_time: '2026-11-24 10:00:00',
        end_time: '2026-11-24 11:30:00',
        registration_start_time: null,
        registration_end_time: null,
        seats_limit: 5,
        reserve_seats_limit: 2,
        registered_participants_count: 1,
        accepted_participants_count: 1,
        waiting_participants_count: 0,
        room: { id: 3, number: '101', building_name: { pl: 'Gmach', en: 'Building' }, capacity: 30 }
      },
      {
        id: 11,
        meeting: { id: 1 },
        comment: null,
        start_time: '2026-12-01 10:00:00',
        end_time: '2026-12-01 11:30:00',
        registration_start_time: null,
        registration_end_time: null,
        seats_limit: 5,
        reserve_seats_limit: 2,
        registered_participants_count: 0,
        accepted_participants_count: 0,
        waiting_participants_count: 0,
        room: null
      }
    ] as Array<Record<string, unknown>>,
    participants: {
      10: [
        {
          id: 100,
          is_external: false,
          user: { id: '55', first_name: 'Anna', last_name: 'Nowak', student_number: '123456' },
          status: 'accepted',
          is_reserve: false,
          number_in_queue: 1,
          substantiation: null,
          rejection_substantiation: null,
          substantiation_message: 'konsultacje',
          rejection_substantiation_message: null,
          lecturer_actions: [],
          user_actions: []
        }
      ],
      11: []
    } as Record<number, Array<Record<string, unknown>>>,
    broken: false
  }
  const calls: string[] = []
  const usos: UsosCaller = {
    async call<T>(method: string, params: Record<string, string | number | boolean | undefined> = {}) {
      calls.push(method)
      if (state.broken && method.endsWith('user_calendar')) return { oops: true } as T
      if (method === 'services/meetings/lecturer') return structuredClone(state.meetings) as T
      if (method === 'services/meetings/user_calendar') return structuredClone(state.dates) as T
      if (method === 'services/meetings/meeting_date_participants') {
        return structuredClone(state.participants[Number(params.meeting_date_id)] ?? []) as T
      }
      throw new Error(`unexpected ${method}`)
    }
  }
  return { state, calls, usos }
}

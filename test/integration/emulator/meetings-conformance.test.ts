/**
 * The meetings module method by method, driven by the reference page (meetings.txt): every
 * required parameter missing or empty, invalid values of typed parameters, the documented default
 * `fields`, and every error and reason the page lists, each reached on purpose over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readReference } from '../../helpers/usos-reference'
import { IDS, TERM, startMeetingsScenario, type Scenario } from './meetings-fixtures'

const REFERENCE = readReference('meetings')
let s: Scenario
let noteId: number

beforeAll(async () => {
  s = await startMeetingsScenario()
  const put = await s.inst.call('meetings/put_note', {
    fac_id: 'WMIM-II',
    term_id: TERM,
    user_id: s.users.others[0] as string,
    note_type: 'private',
    content: 'Notatka do testów'
  })
  expect(put.status).toBe(200)
  const got = await s.inst.call('meetings/get_note', {
    fac_id: 'WMIM-II',
    term_id: TERM,
    user_id: s.users.others[0] as string,
    note_type: 'private',
    fields: 'id'
  })
  noteId = got.body.id
})
afterAll(() => s.close())

/** A valid value for each parameter name the page uses (per method where the name means different things). */
function validParams(method: string): Record<string, string> {
  const D = IDS.date
  const common: Record<string, string> = {
    participant_id: String(IDS.participant.waiting),
    participant_ids: `${IDS.participant.waiting}|${IDS.participant.accepted}`,
    meeting_id: String(IDS.meeting.onlyFaculty),
    meeting_ids: `${IDS.meeting.onlyFaculty}|${IDS.meeting.withParents}`,
    meeting_date_id: String(D.open),
    meeting_date_ids: `${D.open}|${D.queue}`,
    course_id: IDS.course.member,
    fac_id: 'WMIM-II',
    term_id: TERM,
    user_id: s.users.others[0] as string,
    note_id: String(noteId),
    note_type: 'private',
    content: 'Treść notatki',
    start_date: '2026-11-23',
    end_date: '2026-12-23',
    number: '3',
    frequency: 'weekly',
    lecturer_id: s.users.lecturer,
    first_name: 'Ewa',
    last_name: 'Zielińska',
    substantiation_id: String(IDS.subst.own),
    id: method === 'meetings/note' ? String(noteId) : String(IDS.subst.own)
  }
  return common
}

/** Who may call a method at all (so that a parameter error is what the call meets first). */
const roleFor = (method: string) =>
  method === 'meetings/course_meetings' ||
  method === 'meetings/courses_with_meetings' ||
  method === 'meetings/cart'
    ? ('student' as const)
    : ('lecturer' as const)

describe('the reference page itself', () => {
  it('lists the 31 methods, each present on the installation', async () => {
    expect(REFERENCE).toHaveLength(31)
    for (const m of REFERENCE) {
      const r = await s.inst.call(m.name, {}, { as: 'lecturer' })
      expect(r.status, m.name).not.toBe(404)
    }
  })
})

describe('required parameters', () => {
  const cases = REFERENCE.flatMap((m) =>
    m.params.filter((p) => p.required).map((p) => [m.name, p.name] as const)
  )
  it.each(cases)('%s without %s -> param_missing naming it (absent and empty)', async (method, param) => {
    const all = validParams(method)
    const required = REFERENCE.find((m) => m.name === method)!.params.filter((p) => p.required)
    const params: Record<string, string> = {}
    for (const p of required) if (p.name !== param) params[p.name] = all[p.name] as string
    const absent = await s.inst.call(method, params, { as: roleFor(method) })
    expect(absent.status, JSON.stringify(absent.body)).toBe(400)
    expect(absent.body).toMatchObject({
      error: 'param_missing',
      param_name: param,
      message: expect.any(String)
    })
    const empty = await s.inst.call(method, { ...params, [param]: '' }, { as: roleFor(method) })
    expect(empty.body).toMatchObject({ error: 'param_missing', param_name: param })
  })
})

/** How each parameter is typed, for the invalid-value test; every parameter of the page must be here. */
const KINDS: Record<string, 'int' | 'bool' | 'date' | 'enum' | 'fields' | 'free' | 'email'> = {
  participant_id: 'int',
  meeting_id: 'int',
  meeting_date_id: 'int',
  note_id: 'int',
  id: 'int',
  number: 'int',
  days: 'int',
  week_day: 'int',
  substantiation_id: 'int',
  use_calendar: 'bool',
  with_parents: 'bool',
  start_even: 'bool',
  start_date: 'date',
  end_date: 'date',
  start: 'date',
  message_lang_code: 'enum',
  note_type: 'enum',
  frequency: 'enum',
  status: 'enum',
  fields: 'fields',
  email: 'email',
  // Strings (ids of users, faculties, terms, courses; free text; id lists answered per id):
  user_id: 'free',
  lecturer_id: 'free',
  fac_id: 'free',
  term_id: 'free',
  course_id: 'free',
  content: 'free',
  first_name: 'free',
  last_name: 'free',
  contact_data: 'free',
  substantiation_message: 'free',
  meeting_ids: 'free',
  meeting_date_ids: 'free',
  participant_ids: 'free'
}
const BAD: Record<string, string> = {
  int: 'abc',
  bool: 'yes',
  date: '2026-02-30',
  enum: 'bogus',
  fields: 'id|no_such_field',
  email: 'not-an-address'
}

describe('invalid parameter values', () => {
  it('classifies every parameter the page names', () => {
    const names = new Set(REFERENCE.flatMap((m) => m.params.map((p) => p.name)))
    expect([...names].filter((n) => !(n in KINDS))).toEqual([])
  })

  const cases = REFERENCE.flatMap((m) =>
    m.params.filter((p) => KINDS[p.name] !== 'free').map((p) => [m.name, p.name, KINDS[p.name]!] as const)
  )
  // A bad value is param_invalid naming the parameter; an unknown field in a selector is
  // field_not_found naming the field and the method (USOS's errors page, definitions/errors).
  it.each(cases)('%s with a malformed %s (%s) -> refused naming it', async (method, param, kind) => {
    const all = validParams(method)
    const params: Record<string, string> = {}
    for (const p of REFERENCE.find((m) => m.name === method)!.params)
      if (p.required) params[p.name] = all[p.name] as string
    params[param] = BAD[kind] as string
    const r = await s.inst.call(method, params, { as: roleFor(method) })
    expect(r.status, JSON.stringify(r.body)).toBe(400)
    expect(r.body).toMatchObject(
      kind === 'fields'
        ? { error: 'field_not_found', field_name: 'no_such_field', method_name: `services/${method}` }
        : { error: 'param_invalid', param_name: param }
    )
  })

  it('accepts every documented value of an enumerated parameter', async () => {
    for (const value of ['pl', 'en']) {
      const r = await s.inst.call('meetings/sign_off', {
        meeting_date_id: String(IDS.date.open),
        message_lang_code: value
      })
      // Not signed up: refused for that reason, never for the language.
      expect(r.body).toMatchObject({ reason: 'user_not_registered' })
    }
    for (const frequency of REFERENCE.find((m) => m.name === 'meetings/generate_meeting_dates')!.params.find(
      (p) => p.name === 'frequency'
    )!.values!) {
      const r = await s.inst.call('meetings/generate_meeting_dates', {
        start_date: '2026-11-23',
        end_date: '2027-01-31',
        number: '3',
        frequency,
        week_day: '3'
      })
      expect(r.status, `${frequency}: ${JSON.stringify(r.body)}`).toBe(200)
      expect(r.body).toHaveLength(3)
    }
  })
})

describe('default fields', () => {
  /** Parameters (and caller) under which each method with `fields` answers at least one object. */
  const calls: Record<
    string,
    { params: () => Record<string, string>; as?: 'student' | 'lecturer'; shape: 'one' | 'list' | 'dict' }
  > = {
    'meetings/available_meetings': { params: () => ({}), as: 'student', shape: 'list' },
    'meetings/cart': { params: () => ({}), as: 'student', shape: 'list' },
    'meetings/course_meetings': {
      params: () => ({ course_id: IDS.course.member }),
      as: 'student',
      shape: 'list'
    },
    'meetings/courses_with_meetings': { params: () => ({}), as: 'student', shape: 'list' },
    'meetings/get_meeting_substantiations': { params: () => ({ fac_id: 'WMIM-II' }), shape: 'list' },
    'meetings/get_rejection_substantiations': { params: () => ({ fac_id: 'WMIM-II' }), shape: 'list' },
    'meetings/get_note': {
      params: () => ({
        fac_id: 'WMIM-II',
        term_id: TERM,
        user_id: s.users.others[0] as string,
        note_type: 'private'
      }),
      shape: 'one'
    },
    'meetings/lecturer': { params: () => ({}), shape: 'list' },
    'meetings/lecturer_meeting_dates': {
      params: () => ({ meeting_id: String(IDS.meeting.onlyFaculty) }),
      shape: 'list'
    },
    'meetings/meeting': { params: () => ({ meeting_id: String(IDS.meeting.onlyFaculty) }), shape: 'one' },
    'meetings/meeting_all_dates': {
      params: () => ({ meeting_id: String(IDS.meeting.onlyFaculty) }),
      shape: 'list'
    },
    'meetings/meeting_date': { params: () => ({ meeting_date_id: String(IDS.date.open) }), shape: 'one' },
    'meetings/meeting_date_participants': {
      params: () => ({ meeting_date_id: String(IDS.date.queue) }),
      shape: 'list'
    },
    'meetings/meeting_dates': { params: () => ({ meeting_date_ids: String(IDS.date.open) }), shape: 'dict' },
    'meetings/meetings': { params: () => ({ meeting_ids: String(IDS.meeting.onlyFaculty) }), shape: 'dict' },
    'meetings/note': { params: () => ({ id: String(noteId) }), shape: 'one' },
    'meetings/open_meeting_dates': { params: () => ({ lecturer_id: s.users.lecturer }), shape: 'list' },
    'meetings/participant': {
      params: () => ({ participant_id: String(IDS.participant.accepted) }),
      shape: 'one'
    },
    'meetings/participants': {
      params: () => ({ participant_ids: String(IDS.participant.accepted) }),
      shape: 'dict'
    },
    'meetings/search_meeting_dates': {
      params: () => ({ meeting_id: String(IDS.meeting.onlyFaculty) }),
      as: 'student',
      shape: 'list'
    },
    'meetings/substantiation': { params: () => ({ id: String(IDS.subst.own) }), shape: 'one' },
    'meetings/user_calendar': {
      params: () => ({ lecturer_id: s.users.lecturer, start: '2026-11-23', days: '30' }),
      shape: 'list'
    }
  }

  it('covers every method whose page documents a fields default', () => {
    const withFields = REFERENCE.filter((m) => m.params.some((p) => p.name === 'fields')).map((m) => m.name)
    expect(withFields.sort()).toEqual(Object.keys(calls).sort())
  })

  it.each(Object.keys(calls))('%s answers exactly the documented default fields', async (method) => {
    const def = REFERENCE.find((m) => m.name === method)!.params.find((p) => p.name === 'fields')!.default!
    const c = calls[method]!
    const r = await s.inst.call(method, c.params(), { as: c.as ?? 'lecturer' })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const objects =
      c.shape === 'one'
        ? [r.body]
        : c.shape === 'list'
          ? (r.body as unknown[])
          : Object.values(r.body as object)
    expect(objects.length, `${method} answered no object`).toBeGreaterThan(0)
    for (const o of objects) expect(Object.keys(o as object).sort()).toEqual(def.split('|').sort())
  })
})

type Call = { status: number; body: any }
/** One scenario per (method, error, reason) the page lists. */
const ERROR_CASES: Record<string, () => Promise<Call>> = {
  'meetings/accept_participant meeting_subscription_exception user_already_accepted': () =>
    s.inst.call('meetings/accept_participant', { participant_id: String(IDS.participant.accepted) }),
  'meetings/course_meetings object_invalid not_in_course': () =>
    s.inst.call('meetings/course_meetings', { course_id: IDS.course.notMember }, { as: 'student' }),
  'meetings/delete_note method_forbidden staff_only': () =>
    s.inst.call('meetings/delete_note', { note_id: String(noteId), note_type: 'private' }, { as: 'student' }),
  'meetings/get_note method_forbidden staff_only': () =>
    s.inst.call(
      'meetings/get_note',
      { fac_id: 'WMIM-II', term_id: TERM, user_id: s.users.student, note_type: 'public' },
      { as: 'student' }
    ),
  'meetings/lecturer object_invalid not_a_staff': () =>
    s.inst.call('meetings/lecturer', { user_id: s.users.student }),
  'meetings/lecturer_meeting_dates method_forbidden staff_only': () =>
    s.inst.call(
      'meetings/lecturer_meeting_dates',
      { meeting_id: String(IDS.meeting.onlyFaculty) },
      { as: 'student' }
    ),
  'meetings/meeting_date_participants method_forbidden staff_only': () =>
    s.inst.call(
      'meetings/meeting_date_participants',
      { meeting_date_id: String(IDS.date.queue) },
      { as: 'student' }
    ),
  'meetings/note method_forbidden staff_only': () =>
    s.inst.call('meetings/note', { id: String(noteId) }, { as: 'student' }),
  'meetings/open_meeting_dates object_not_found': () =>
    s.inst.call('meetings/open_meeting_dates', { lecturer_id: '999999999' }, { as: 'student' }),
  'meetings/put_note method_forbidden staff_only': () =>
    s.inst.call(
      'meetings/put_note',
      { fac_id: 'WMIM-II', term_id: TERM, user_id: s.users.student, note_type: 'public', content: 'x' },
      { as: 'student' }
    ),
  'meetings/reject_participant meeting_subscription_exception invalid_substantiation': () =>
    s.inst.call('meetings/reject_participant', {
      participant_id: String(IDS.participant.waiting),
      substantiation_id: String(IDS.subst.rejectOther)
    }),
  'meetings/reject_participant meeting_subscription_exception user_already_rejected': () =>
    s.inst.call('meetings/reject_participant', { participant_id: String(IDS.participant.rejected) }),
  'meetings/reject_participant meeting_subscription_exception user_is_not_staff': () =>
    s.inst.call(
      'meetings/reject_participant',
      { participant_id: String(IDS.participant.waiting) },
      { as: 'student' }
    ),
  'meetings/sign_off meeting_subscription_exception meeting_date_has_started': () =>
    s.inst.call('meetings/sign_off', { meeting_date_id: String(IDS.date.started) }, { as: 'student' }),
  'meetings/sign_off meeting_subscription_exception user_not_registered': () =>
    s.inst.call('meetings/sign_off', { meeting_date_id: String(IDS.date.open) }, { as: 'student' }),
  'meetings/sign_up meeting_subscription_exception invalid_substantiation': () =>
    signUp(IDS.date.open, IDS.subst.parent),
  'meetings/sign_up meeting_subscription_exception meeting_date_ended': () =>
    signUp(IDS.date.ended, IDS.subst.own),
  'meetings/sign_up meeting_subscription_exception meeting_date_not_begun': () =>
    signUp(IDS.date.notBegun, IDS.subst.own),
  'meetings/sign_up meeting_subscription_exception meeting_not_active': () =>
    signUp(IDS.date.closed, IDS.subst.own),
  'meetings/sign_up meeting_subscription_exception no_user_permissions': () =>
    signUp(IDS.date.restricted, IDS.subst.own),
  'meetings/sign_up meeting_subscription_exception seats_limit_exceeded': () =>
    signUp(IDS.date.full, IDS.subst.own),
  'meetings/sign_up meeting_subscription_exception user_already_subscribed': () =>
    signUp(IDS.date.forGroup, IDS.subst.own),
  'meetings/sign_up_non_usos_person meeting_subscription_exception invalid_substantiation': () =>
    s.inst.call('meetings/sign_up_non_usos_person', {
      meeting_date_id: String(IDS.date.open),
      first_name: 'Olga',
      last_name: 'Sikora',
      substantiation_id: String(IDS.subst.rejectOwn)
    }),
  'meetings/sign_up_non_usos_person meeting_subscription_exception non_usos_person_email_subscribed':
    async () => {
      const params = {
        meeting_date_id: String(IDS.date.notBegun),
        first_name: 'Marek',
        last_name: 'Nowicki',
        email: 'marek.nowicki@example.com'
      }
      expect((await s.inst.call('meetings/sign_up_non_usos_person', params)).status).toBe(200)
      return s.inst.call('meetings/sign_up_non_usos_person', { ...params, first_name: 'M.' })
    },
  'meetings/sign_up_specific_user meeting_subscription_exception invalid_substantiation': () =>
    s.inst.call('meetings/sign_up_specific_user', {
      meeting_date_id: String(IDS.date.open),
      user_id: s.users.others[6] as string,
      substantiation_id: String(IDS.subst.other)
    })
}
const signUp = (dateId: number, substId: number) =>
  s.inst.call(
    'meetings/sign_up',
    { meeting_date_id: String(dateId), substantiation_id: String(substId) },
    { as: 'student' }
  )

describe('documented errors', () => {
  it('has a scenario for every error and reason on the page, and none besides', () => {
    const listed = REFERENCE.flatMap((m) =>
      [...m.errors].flatMap(([code, reasons]) =>
        reasons.length ? reasons.map((r) => `${m.name} ${code} ${r}`) : [`${m.name} ${code}`]
      )
    )
    expect(listed.sort()).toEqual(Object.keys(ERROR_CASES).sort())
  })

  it.each(Object.keys(ERROR_CASES))('%s', async (key) => {
    const [, code, reason] = key.split(' ')
    const r = await ERROR_CASES[key]!()
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ error: code, message: expect.any(String) })
    expect(r.status).toBe(code === 'method_forbidden' ? 403 : 400)
    if (reason) expect(r.body.reason).toBe(reason)
  })
})

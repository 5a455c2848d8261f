/**
 * The slips answers as the reference documents them, read into the mirror's shape: a slipquestion
 * (answer status, quick answers as a pipe-separated string, why_cant_i_answer as a LangDict or
 * null, an unanswered question with a null answerer) and user_roles (four roles with has_role);
 * a malformed one is refused with a message naming what is missing.
 */
import { describe, expect, it } from 'vitest'
import { toSlipquestion, toUserRoles } from '../../../src/core/sync/slips'

const slipquestion = (over: Record<string, unknown> = {}) => ({
  id: 501,
  answer: null,
  answer_status: 'pending',
  date_answered: null,
  can_i_answer: true,
  why_cant_i_answer: null,
  answerer: null,
  slip: {
    id: 77,
    state: 'active',
    date_created: '2026-11-20 10:00:00',
    issuers_comment: 'Proszę o szybkie rozliczenie; dziękuję',
    client: { id: '100002', first_name: 'Anna', last_name: 'Zięba', student_number: '412345' },
    template: { id: 3, name: { pl: 'Obiegówka absolwenta', en: 'Graduate clearance' } }
  },
  question: {
    id: 9,
    tpl_id: 3,
    question: 'Czy zwrócono książki?',
    desc_for_answerers: 'Sprawdź w systemie bibliotecznym.',
    quick_answers: 'Tak | Nie, brak 2 książek |  | Nie dotyczy'
  },
  ...over
})

describe('toSlipquestion', () => {
  it('reads an unanswered question with its slip, client, template and quick answers', () => {
    const q = toSlipquestion(slipquestion())
    expect(q).toMatchObject({
      id: '501',
      answer: null,
      answer_status: 'pending',
      can_i_answer: true,
      why_cant_i_answer: null,
      answerer: null,
      slip: {
        id: '77',
        state: 'active',
        client: { id: '100002', first_name: 'Anna', last_name: 'Zięba', student_number: '412345' },
        template: { id: '3', name: { pl: 'Obiegówka absolwenta', en: 'Graduate clearance' } }
      },
      question: { id: '9', tpl_id: '3', desc_for_answerers: 'Sprawdź w systemie bibliotecznym.' }
    })
    // Pipe-separated, trimmed, empty entries dropped.
    expect(q.question.quick_answers).toEqual(['Tak', 'Nie, brak 2 książek', 'Nie dotyczy'])
  })

  it('keeps a template name USOS sends as plain text (the documented shape), not only a LangDict', () => {
    const base = slipquestion()
    const q = toSlipquestion({
      ...base,
      slip: { ...(base.slip as object), template: { id: 3, name: 'Obiegówka absolwenta' } }
    })
    expect(q.slip.template).toEqual({
      id: '3',
      name: { pl: 'Obiegówka absolwenta', en: 'Obiegówka absolwenta' }
    })
  })

  it.each(['pending', 'cleared', 'rejected', 'unclear'])('keeps the computed answer status %s', (status) => {
    const q = toSlipquestion(
      slipquestion({
        answer: 'Tak',
        answer_status: status,
        date_answered: '2026-11-21 09:00:00',
        answerer: { id: 100001, first_name: 'Zofia', last_name: 'Żółkiewska' }
      })
    )
    expect(q.answer_status).toBe(status)
    expect(q.answerer).toMatchObject({ id: '100001', last_name: 'Żółkiewska' })
  })

  it('reads why the user cannot answer, and no quick answers when there are none', () => {
    const q = toSlipquestion(
      slipquestion({
        can_i_answer: false,
        why_cant_i_answer: { pl: 'Obiegówka jest zamknięta.', en: 'The slip is closed.' },
        question: { id: 9, tpl_id: 3, question: 'Q', desc_for_answerers: null, quick_answers: null }
      })
    )
    expect(q.can_i_answer).toBe(false)
    expect(q.why_cant_i_answer).toEqual({ pl: 'Obiegówka jest zamknięta.', en: 'The slip is closed.' })
    expect(q.question.quick_answers).toEqual([])
  })

  it.each([
    [{ id: null }, /without an id/],
    [{ slip: null }, /without its slip/],
    [{ question: { tpl_id: 3 } }, /without its question/]
  ])('refuses a malformed slipquestion %j clearly', (over, message) => {
    expect(() => toSlipquestion(slipquestion(over))).toThrow(message)
  })
})

describe('toUserRoles', () => {
  it('reads the four documented roles', () => {
    expect(
      toUserRoles({
        template_admin: { has_role: false },
        issuer: { has_role: true },
        answerer: { has_role: true },
        client: { has_role: false }
      })
    ).toEqual({ template_admin: false, issuer: true, answerer: true, client: false })
  })

  it('refuses an answer that is not a dictionary', () => {
    expect(() => toUserRoles([])).toThrow(/user_roles is not a dictionary/)
  })
})

/** The answerer's inbox of slip questions, from the mirror. */
import type Database from 'better-sqlite3'
import type { SlipQuestionView, SlipsInboxView } from '../../shared/types-slips'
import { stmt } from '../mirror/statements'

interface Row {
  id: string
  slip_id: string
  answer: string | null
  answer_status: string | null
  date_answered: string | null
  can_i_answer: number | null
  why_pl: string | null
  why_en: string | null
  question: string | null
  desc_for_answerers: string | null
  quick_answers: string | null
  tpl_pl: string | null
  tpl_en: string | null
  date_created: string | null
  issuers_comment: string | null
  client_id: string | null
  first_name: string | null
  last_name: string | null
  student_number: string | null
  pending: number
}

const INBOX = `
  SELECT sq.id, sq.slip_id, sq.answer, sq.answer_status, sq.date_answered, sq.can_i_answer,
         sq.why_cant_i_answer_pl AS why_pl, sq.why_cant_i_answer_en AS why_en,
         q.question, q.desc_for_answerers, q.quick_answers, t.name_pl AS tpl_pl, t.name_en AS tpl_en,
         s.date_created, s.issuers_comment, s.client_id, u.first_name, u.last_name, u.student_number,
         EXISTS (SELECT 1 FROM outbox o WHERE o.target_table = 'slipquestions' AND o.target_id = sq.id
                   AND o.state IN ('pending', 'sending', 'unknown', 'needs_attention')) AS pending
  FROM slipquestions sq
  JOIN slips s ON s.id = sq.slip_id
  LEFT JOIN slip_template_questions q ON q.id = sq.question_id
  LEFT JOIN slip_templates t ON t.id = s.template_id
  LEFT JOIN users u ON u.id = s.client_id
  ORDER BY s.date_created, sq.id`

function toView(r: Row): SlipQuestionView {
  let quick: string[] = []
  try {
    quick = r.quick_answers ? (JSON.parse(r.quick_answers) as string[]) : []
  } catch {
    quick = []
  }
  return {
    id: r.id,
    slipId: r.slip_id,
    client: r.client_id
      ? {
          id: r.client_id,
          firstName: r.first_name ?? '',
          lastName: r.last_name ?? `#${r.client_id}`,
          studentNumber: r.student_number
        }
      : null,
    template: r.tpl_pl === null && r.tpl_en === null ? null : { pl: r.tpl_pl, en: r.tpl_en },
    slipCreated: r.date_created,
    issuersComment: r.issuers_comment,
    question: r.question ?? '',
    descForAnswerers: r.desc_for_answerers,
    quickAnswers: quick,
    answer: r.answer,
    answerStatus: r.answer_status,
    dateAnswered: r.date_answered,
    canAnswer: r.can_i_answer === 1,
    whyCantAnswer: r.why_pl === null && r.why_en === null ? null : { pl: r.why_pl, en: r.why_en },
    pending: r.pending === 1
  }
}

/** Questions still to answer (oldest slip first), and those answered lately, newest first. */
export function slipsInbox(db: Database.Database): SlipsInboxView {
  const roles: Record<string, boolean> = {}
  for (const r of stmt(db, 'SELECT role, has_role FROM slip_user_roles').all() as Array<{
    role: string
    has_role: number
  }>)
    roles[r.role] = r.has_role === 1
  const all = (stmt(db, INBOX).all() as Row[]).map(toView)
  return {
    roles,
    waiting: all.filter((q) => q.answer === null || (q.pending && q.answerStatus === 'pending')),
    answered: all
      .filter((q) => q.answer !== null && !(q.pending && q.answerStatus === 'pending'))
      .sort((a, b) => ((a.dateAnswered ?? '9') < (b.dateAnswered ?? '9') ? 1 : -1))
  }
}

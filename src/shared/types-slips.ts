import type { LangDict } from './types'

export interface SlipQuestionView {
  id: string
  slipId: string
  client: { id: string; firstName: string; lastName: string; studentNumber: string | null } | null
  template: LangDict | null
  slipCreated: string | null
  issuersComment: string | null
  question: string
  descForAnswerers: string | null
  quickAnswers: string[]
  answer: string | null
  /** As USOS computes it: pending, cleared, rejected or unclear. */
  answerStatus: string | null
  dateAnswered: string | null
  canAnswer: boolean
  whyCantAnswer: LangDict | null
  /** An answer given here is waiting in the outbox. */
  pending: boolean
}

export interface SlipsInboxView {
  roles: Record<string, boolean>
  waiting: SlipQuestionView[]
  answered: SlipQuestionView[]
}

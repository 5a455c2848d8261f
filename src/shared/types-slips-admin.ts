import type { LangDict } from './types'

export interface IssuedSlipView {
  id: string
  state: string
  dateCreated: string | null
  issuersComment: string | null
  client: { id: string; firstName: string; lastName: string } | null
  template: { id: string; name: string } | null
  canEdit: boolean
  whyCantEdit: LangDict | null
  /** The questions on the slip (included), with their answer status. */
  questions: Array<{ sqId: string; questionId: string; question: string; answerStatus: string | null }>
}

export interface TemplateView {
  id: string
  name: string
  state: string
  facultyId: string | null
  canEdit: boolean
  connectedTplIds: string[]
  questions: Array<{
    id: string
    question: string
    descForAnswerers: string | null
    quickAnswers: string
    isObsolete: boolean
    canDelete: boolean
  }>
}

/**
 * Validation of user-supplied content. Each check answers the localized message for the
 * `user_messages.fields` entry of a `success: false` answer, or null when the value is fine.
 */
import type Database from 'better-sqlite3'
import type { LangDict } from '../../framework/types'
import { isValidPattern } from './answer-status'
import { ld } from './messages'
import { directoryHas } from './repo'

export const TEMPLATE_NAME_MAX = 75
export const QUESTION_MAX = 100
export const ANSWER_MAX = 1000

export function checkTemplateName(name: string): LangDict | null {
  const trimmed = name.trim()
  if (trimmed === '') return ld('Podaj nazwę szablonu.', 'Enter a name for the template.')
  if (trimmed.length > TEMPLATE_NAME_MAX) {
    return ld(
      `Nazwa szablonu może mieć najwyżej ${TEMPLATE_NAME_MAX} znaków (ma ${trimmed.length}).`,
      `The template name may have at most ${TEMPLATE_NAME_MAX} characters (it has ${trimmed.length}).`
    )
  }
  return null
}

export function checkQuestionText(question: string): LangDict | null {
  const trimmed = question.trim()
  if (trimmed === '') return ld('Podaj treść pytania.', 'Enter the question.')
  if (trimmed.length > QUESTION_MAX) {
    return ld(
      `Pytanie może mieć najwyżej ${QUESTION_MAX} znaków (ma ${trimmed.length}). Szczegóły umieść w opisie dla odpowiadających.`,
      `The question may have at most ${QUESTION_MAX} characters (it has ${trimmed.length}). Put details in the description for answerers.`
    )
  }
  if (!trimmed.endsWith('?'))
    return ld('Pytanie musi kończyć się znakiem zapytania.', 'The question must end with a question mark.')
  return null
}

export function checkPattern(pattern: string): LangDict | null {
  if (pattern === '' || isValidPattern(pattern)) return null
  return ld('To nie jest poprawne wyrażenie regularne.', 'This is not a valid regular expression.')
}

export function checkAnswer(answer: string): LangDict | null {
  if (answer.trim() === '')
    return ld('Odpowiedź nie może składać się z samych odstępów.', 'The answer must not be blank.')
  if (answer.length > ANSWER_MAX) {
    return ld(
      `Odpowiedź może mieć najwyżej ${ANSWER_MAX} znaków.`,
      `The answer may have at most ${ANSWER_MAX} characters.`
    )
  }
  return null
}

export function checkUsers(db: Database.Database, ids: string[]): LangDict | null {
  const unknown = ids.filter((id) => !directoryHas(db, 'user', id))
  if (unknown.length === 0) return null
  const list = unknown.join(', ')
  return ld(`Nie znaleziono użytkowników o identyfikatorach: ${list}.`, `No users with these IDs: ${list}.`)
}

export function checkFaculty(db: Database.Database, facId: string): LangDict | null {
  if (facId !== '' && directoryHas(db, 'faculty', facId)) return null
  return ld('Nie znaleziono takiej jednostki.', 'No such faculty.')
}

/** Pipe-separated user IDs as given in a write parameter: trimmed, empty items dropped, no repeats. */
export function splitIds(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    )
  ]
}

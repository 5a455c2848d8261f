/**
 * Localized texts the slips module shows to end users: `why_cant_i_*` fields and the
 * `user_messages` of `success: false` answers. One place, so the wording stays consistent.
 */
import { UsosApiError, type CallContext, type Json, type LangDict } from '../../framework/types'

export function ld(pl: string, en: string): LangDict {
  return { pl, en }
}

/** The HTTP 200 refusal the slips write methods answer with (see the module's `user_messages`). */
export interface Failure {
  success: false
  user_messages: { generic_message: LangDict; fields: Record<string, LangDict> }
}

export function failure(generic: LangDict, fields: Record<string, LangDict> = {}): Failure {
  return { success: false, user_messages: { generic_message: generic, fields } }
}

/** Refusal for invalid input: one generic sentence plus a message per offending parameter. */
export function invalidInput(fields: Record<string, LangDict>): Failure {
  return failure(M.invalidInput, fields)
}

/**
 * A refusal of issue_slip, update_slip or delete_slip, in the installation's answer style: a 4xx
 * `param_invalid` naming the parameter with `user_messages` (a real answer quoted in the USOS
 * team's jquery-usos, doc/api/forms.md), or HTTP 200 `success: false`.
 */
export function refusal(ctx: CallContext, f: Failure, param: string): Json {
  if (ctx.answers.slipsRefusals === 'success_false') return failureJson(f)
  const { user_messages } = failureJson(f) as { user_messages: Json }
  throw new UsosApiError(
    400,
    'param_invalid',
    `Parameter ${param} has invalid value. ${f.user_messages.generic_message.en}`,
    { param_name: param, user_messages }
  )
}

export function failureJson(f: Failure): Json {
  const fields: Record<string, Json> = {}
  for (const [k, v] of Object.entries(f.user_messages.fields)) fields[k] = { ...v }
  return {
    success: false,
    user_messages: { generic_message: { ...f.user_messages.generic_message }, fields }
  }
}

export const M = {
  invalidInput: ld(
    'Wprowadzone dane są niepoprawne. Popraw zaznaczone pola.',
    'Some of the data you entered is invalid. Please correct the marked fields.'
  ),
  signInRequired: ld('Musisz się zalogować.', 'You need to sign in.'),
  scopeSlipsRequired: ld(
    'Aplikacja nie ma dostępu do Twoich obiegówek (uprawnienie „slips”).',
    'The application has no access to your clearance slips (the "slips" permission).'
  ),
  scopeAdminRequired: ld(
    'Aplikacja nie ma dostępu do edycji szablonów obiegówek (uprawnienie „slips_admin”).',
    'The application has no access to editing slip templates (the "slips_admin" permission).'
  ),
  notTemplateAdmin: ld(
    'Nie jesteś edytorem szablonów obiegówek w jednostce, do której należy ten szablon.',
    "You are not a slip template editor in this template's faculty."
  ),
  notTemplateAdminOfFaculty: ld(
    'Nie jesteś edytorem szablonów obiegówek w tej jednostce.',
    'You are not a slip template editor in this faculty.'
  ),
  notIssuer: ld(
    'Nie masz uprawnień do wystawiania obiegówek w jednostce, do której należy ten szablon.',
    "You are not allowed to issue slips in this template's faculty."
  ),
  notSlipIssuer: ld(
    'Tylko wystawcy obiegówek z jednostki szablonu mogą zmieniać tę obiegówkę.',
    "Only slip issuers of the template's faculty may change this slip."
  ),
  templateDraft: ld(
    'Szablon jest wersją roboczą: nie można jeszcze wystawiać na jego podstawie obiegówek.',
    'The template is a draft: slips cannot be issued from it yet.'
  ),
  templateObsolete: ld(
    'Szablon jest przestarzały: nie można już wystawiać na jego podstawie nowych obiegówek.',
    'The template is obsolete: new slips can no longer be issued from it.'
  ),
  templateInUse: ld(
    'Szablonu użyto już do wystawienia obiegówek. Zamiast go usuwać, oznacz go jako przestarzały.',
    'Slips have already been issued from this template. Mark it obsolete instead of deleting it.'
  ),
  templateNotFound: ld('Nie znaleziono takiego szablonu.', 'No such template.'),
  questionNotFound: ld('Nie znaleziono takiego pytania.', 'No such question.'),
  slipNotFound: ld('Nie znaleziono takiej obiegówki.', 'No such slip.'),
  slipquestionNotFound: ld('Nie znaleziono takiego pytania obiegówki.', 'No such slip question.'),
  questionNotInDraft: ld(
    'Usuwać można tylko pytania szablonów w wersji roboczej. Oznacz pytanie jako przestarzałe.',
    'Only questions of draft templates can be deleted. Mark the question obsolete instead.'
  ),
  slipHasAnswers: ld(
    'Na część pytań tej obiegówki udzielono już odpowiedzi. Zamknij ją zamiast usuwać.',
    'Some questions of this slip have already been answered. Close it instead of deleting it.'
  ),
  slipClosed: ld(
    'Obiegówka jest zamknięta: nie można teraz odpowiadać na jej pytania.',
    'The slip is closed: its questions cannot be answered now.'
  ),
  notAnswerer: ld(
    'Nie jesteś osobą wyznaczoną do odpowiedzi na to pytanie.',
    'You are not designated to answer this question.'
  ),
  answeredBySomeoneElse: ld(
    'Na to pytanie odpowiedziała już inna osoba. Jej odpowiedź musi najpierw zostać usunięta.',
    'Someone else has already answered this question. Their answer has to be removed first.'
  ),
  notAnswered: ld(
    'Na to pytanie nie udzielono jeszcze odpowiedzi.',
    'This question has not been answered yet.'
  ),
  cantRemoveAnswer: ld(
    'Odpowiedź może usunąć tylko jej autor albo wystawca obiegówki.',
    'Only the person who answered or a slip issuer may remove the answer.'
  ),
  cantChangeExtraAnswerers: ld(
    'Dodatkowych odpowiadających może wyznaczać tylko wystawca, jeśli pozwala na to szablon.',
    'Only an issuer may assign extra answerers, and only where the template allows it.'
  )
} as const

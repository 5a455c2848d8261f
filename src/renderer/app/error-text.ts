import i18next from 'i18next'
import type { LangDict, Language } from '../../shared/types'
import { langText } from './lang'

/**
 * USOS's documented refusal reasons (meetings: sign_up_*, accept/reject, sign_off; the staff_only
 * family) that the UI words itself: USOS sends them in English only.
 */
export const USOS_REASONS = [
  'user_already_accepted',
  'user_already_rejected',
  'user_already_subscribed',
  'user_not_registered',
  'user_is_not_staff',
  'invalid_substantiation',
  'meeting_date_has_started',
  'meeting_date_ended',
  'meeting_date_not_begun',
  'meeting_not_active',
  'no_user_permissions',
  'seats_limit_exceeded',
  'non_usos_person_email_subscribed',
  'staff_only',
  'not_a_staff',
  'not_in_course',
  'not_meeting_lecturer'
] as const

const CODES = [
  'invalid_argument',
  'unknown_method',
  'forbidden',
  'not_found',
  'not_signed_in',
  'offline',
  'usos_error',
  'conflict',
  'storage_error',
  'internal'
] as const

interface ErrorLike {
  kind?: unknown
  code?: unknown
  message?: unknown
  key?: unknown
  params?: unknown
  details?: unknown
  reasons?: unknown
  userMessages?: unknown
}

function language(): Language {
  return i18next.language === 'en' ? 'en' : 'pl'
}

/** What USOS said in the UI language: its user_messages, or a known reason worded here. */
export function usosSaid(
  reasons: readonly string[] | null | undefined,
  userMessages: { generic?: LangDict | null } | null | undefined,
  lang: Language = language()
): string | null {
  const generic = langText(userMessages?.generic ?? null, lang)
  if (generic) return generic
  const known = (reasons ?? []).find((r) => (USOS_REASONS as readonly string[]).includes(r))
  return known ? i18next.t(`usosReasons.${known}`) : null
}

/**
 * A failure as the user reads it, in the UI language: a message the core gave an id to, what USOS
 * said (user_messages, or a known reason), or the kind of failure worded here. USOS's own English
 * text is shown only when it is all there is (an unknown refusal) and, in Polish, after the Polish.
 */
export function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error)
  const e = error as ErrorLike
  const message = typeof e.message === 'string' ? e.message : ''
  if (typeof e.key === 'string' && i18next.exists(`errors.${e.key}`))
    return i18next.t(`errors.${e.key}`, (e.params ?? {}) as Record<string, string>)
  const details = (typeof e.details === 'object' && e.details !== null ? e.details : e) as ErrorLike
  const reasons = Array.isArray(details.reasons)
    ? details.reasons.filter((r): r is string => typeof r === 'string')
    : []
  const said = usosSaid(reasons, details.userMessages as { generic?: LangDict | null } | null)
  if (said) return said
  const code = typeof e.code === 'string' ? e.code : null
  if (!code || !(CODES as readonly string[]).includes(code)) return message
  const known = code as (typeof CODES)[number]
  if (language() === 'en') return message
  return polishFrame(known, message, details)
}

/** SQLite's result codes the Polish UI words (the English UI shows the core's own message). */
const STORAGE_CODES: ReadonlyArray<[RegExp, string]> = [
  [/^SQLITE_FULL/, 'full'],
  [/^SQLITE_READONLY/, 'readonly'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'corrupt'],
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
  [/^SQLITE_(CANTOPEN|PERM|AUTH)/, 'cantopen']
]

/**
 * A failure with no message id, in Polish: what kind of failure it was, never the English text the
 * core or USOS gave (USOS's OAuth and refusal texts are English only). That text stays in the
 * English UI and, for the app's own failures, in the console.
 */
function polishFrame(code: (typeof CODES)[number], message: string, details: ErrorLike): string {
  const kind = typeof details.kind === 'string' ? details.kind : null
  const field = (name: string) => {
    const value = (details as Record<string, unknown>)[name]
    return typeof value === 'string' && value ? value : null
  }
  if (kind === 'unauthorized') return i18next.t('errors.usosNotAccepted')
  if (kind === 'server') return i18next.t('errors.usosServer')
  if (kind === 'bad_response') return i18next.t('errors.usosBadResponse')
  if (code === 'usos_error') {
    // A refusal nobody listed: the field or code USOS named, in a Polish sentence.
    const param = field('paramName')
    if (param) return i18next.t('errors.usosRefusedParam', { param })
    const usosCode = field('usosCode')
    return usosCode
      ? i18next.t('errors.usosRefusedCode', { code: usosCode })
      : i18next.t('errors.usosRefused')
  }
  if (code === 'storage_error') {
    const sqlite = field('sqliteCode')
    const known = sqlite ? STORAGE_CODES.find(([pattern]) => pattern.test(sqlite)) : undefined
    return known ? i18next.t(`errors.storage.${known[1]}`) : i18next.t('errors.code.storage_error')
  }
  if (code === 'internal') {
    if (message) console.error(message)
    return i18next.t('errors.internalDetail')
  }
  return i18next.t(`errors.code.${code}`)
}

/** A refused write's reason, in the UI language when USOS gave a code or messages for it. */
export function refusalMessage(result: {
  message: string | null
  refusal?: { reasons: string[]; userMessages: { generic: LangDict | null } | null } | null
}): string {
  return usosSaid(result.refusal?.reasons, result.refusal?.userMessages) ?? result.message ?? ''
}

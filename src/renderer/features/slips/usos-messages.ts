import type { Language, LangDict } from '../../../shared/types'

/** USOS's localized messages from a refused slips call: the general one and one per field. */
export interface FieldMessages {
  generic: string | null
  fields: Record<string, string>
}

export function usosMessages(error: unknown, language: Language): FieldMessages {
  const details = (
    error as { details?: { userMessages?: { generic?: LangDict | null; fields?: Record<string, LangDict> } } }
  )?.details
  const pick = (d: LangDict | null | undefined) =>
    (d ? (language === 'pl' ? d.pl || d.en : d.en || d.pl) : null) ?? null
  const m = details?.userMessages
  if (!m) return { generic: error instanceof Error ? error.message : String(error), fields: {} }
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries(m.fields ?? {})) {
    const text = pick(v)
    if (text) fields[k] = text
  }
  return { generic: pick(m.generic), fields }
}

/** Parameter and error helpers shared by the slips methods. */
import { UsosApiError, type CallContext, type Json, type LangDict } from '../../../framework/types'

export type Lang = 'pl' | 'en'
export const LANGS: readonly Lang[] = ['pl', 'en']

export function notFound(param: string, what: string): UsosApiError {
  return new UsosApiError(400, 'object_not_found', `The ${what} referenced by "${param}" does not exist.`, {
    param_name: param
  })
}

export function forbidden(param: string, what: string): UsosApiError {
  return new UsosApiError(
    403,
    'object_forbidden',
    `You have no access to the ${what} referenced by "${param}".`,
    {
      param_name: param
    }
  )
}

export function invalid(param: string, message: string): UsosApiError {
  return new UsosApiError(400, 'param_invalid', message, { param_name: param })
}

/** A pipe-separated list of numeric ids (the slips objects' ids are integers). */
export function idList(ctx: CallContext, name: string, required: boolean): string[] {
  const ids = ctx.params.list(name, { required })
  for (const id of ids) if (!/^\d+$/.test(id)) throw invalid(name, `"${id}" in "${name}" is not a valid ID.`)
  return ids
}

/** An optional boolean parameter: undefined when absent ("if given, changes ..."). */
export function optBool(ctx: CallContext, name: string): boolean | undefined {
  return ctx.params.has(name) ? ctx.params.bool(name, false) : undefined
}

/** An optional text parameter where "" means "set to empty" and absence means "leave as is". */
export function optText(ctx: CallContext, name: string): string | undefined {
  return ctx.params.has(name) ? (ctx.params.raw(name) ?? '') : undefined
}

/** `num` (default 6, at most 20) and `start` (default 0) of the search methods. */
export function paging(ctx: CallContext): { num: number; start: number } {
  const num = ctx.params.int('num', 6) ?? 6
  if (num < 1 || num > 20) throw invalid('num', '"num" must be between 1 and 20.')
  const start = ctx.params.int('start', 0) ?? 0
  if (start < 0) throw invalid('start', '"start" must not be negative.')
  return { num, start }
}

/** No query answers more than 100 results, however many matched. */
export const MAX_RESULTS = 100

export function page<T>(items: T[], num: number, start: number): { items: T[]; next_page: boolean } {
  const total = Math.min(items.length, MAX_RESULTS)
  const end = Math.min(start + num, total)
  return { items: start < end ? items.slice(start, end) : [], next_page: end < total }
}

export interface OrderKey<F extends string> {
  field: F
  desc: boolean
}

/** `order_by`: pipe-separated allowed fields, each optionally preceded by a dash (descending). */
export function orderBy<F extends string>(
  ctx: CallContext,
  allowed: readonly F[],
  fallback: string | undefined
): OrderKey<F>[] {
  const items = ctx.params.has('order_by') ? ctx.params.list('order_by') : (fallback?.split('|') ?? [])
  return items.map((item) => {
    const desc = item.startsWith('-')
    const field = desc ? item.slice(1) : item
    if (!(allowed as readonly string[]).includes(field)) {
      throw invalid('order_by', `Cannot order by "${field}". Allowed: ${allowed.join(', ')}.`)
    }
    return { field: field as F, desc }
  })
}

export function compareBy<T, F extends string>(
  keys: OrderKey<F>[],
  value: (item: T, field: F) => string | number | boolean,
  collator: Intl.Collator
): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const va = value(a, k.field)
      const vb = value(b, k.field)
      let c = 0
      if (typeof va === 'string' && typeof vb === 'string') c = collator.compare(va, vb)
      else c = Number(va) - Number(vb)
      if (c !== 0) return k.desc ? -c : c
    }
    return 0
  }
}

export function collatorFor(lang: Lang): Intl.Collator {
  return new Intl.Collator(lang === 'pl' ? 'pl' : 'en', { sensitivity: 'base', numeric: true })
}

export function pickLang(d: LangDict | null | undefined, lang: Lang): string {
  if (!d) return ''
  return d[lang] ?? d[lang === 'pl' ? 'en' : 'pl'] ?? ''
}

/** 403 when the token lacks a scope a parameter's value needs (issuable_only, editable_only). */
export function requireParamScope(ctx: CallContext, scope: string, param: string): void {
  ctx.requireUser()
  if (!ctx.scopes.has(scope)) {
    throw new UsosApiError(403, 'method_forbidden', `"${param}=true" requires the "${scope}" scope.`, {
      reason: 'scope_missing',
      missing_scopes: [scope]
    })
  }
}

/** A LangDict found in a rendered foreign object (e.g. a faculty's name), or null. */
export function asLangDict(v: Json | undefined): LangDict | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null
  const pl = typeof v.pl === 'string' ? v.pl : null
  const en = typeof v.en === 'string' ? v.en : null
  return { pl, en }
}

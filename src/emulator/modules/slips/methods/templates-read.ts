/** template, templates, search_templates. */
import type { Json, MethodDef } from '../../../framework/types'
import { canEditTemplate, canIssue, canSeeTemplate } from '../permissions'
import { bareDefaults, flat, render, renderForeign } from '../render'
import { allTemplates, getTemplate, type TemplateRow } from '../repo'
import { templateMatches } from '../search-match'
import type { TemplateHit } from '../types/misc'
import {
  collatorFor,
  compareBy,
  forbidden,
  idList,
  LANGS,
  notFound,
  orderBy,
  page,
  paging,
  asLangDict,
  pickLang,
  requireParamScope
} from './common'

const QUESTION_FIELDS = {
  path: 'questions',
  param: 'question_fields',
  type: 'slips/question',
  fallback: 'id|question'
}

export const templateMethod: MethodDef = {
  name: 'slips/template',
  auth: 'token_optional',
  handler(ctx) {
    const id = ctx.params.requiredInt('tpl_id')
    const selector = ctx.fields('slips/template', 'name')
    const bare = bareDefaults(ctx, [QUESTION_FIELDS])
    const tpl = getTemplate(ctx.db, id)
    if (!tpl) throw notFound('tpl_id', 'template')
    if (!canSeeTemplate(ctx, tpl)) throw forbidden('tpl_id', 'draft template')
    return render(ctx, 'slips/template', tpl, selector, bare)
  }
}

export const templatesMethod: MethodDef = {
  name: 'slips/templates',
  auth: 'token_optional',
  handler(ctx) {
    const ids = idList(ctx, 'tpl_ids', true)
    const selector = ctx.fields('slips/template', 'id|name')
    const bare = bareDefaults(ctx, [QUESTION_FIELDS])
    const out: Record<string, Json> = {}
    for (const id of ids) {
      const tpl = getTemplate(ctx.db, Number(id))
      // Drafts the user may not see are reported exactly like templates that do not exist.
      out[id] = tpl && canSeeTemplate(ctx, tpl) ? render(ctx, 'slips/template', tpl, selector, bare) : null
    }
    return out
  }
}

type TemplateOrder = 'state' | 'can_i_edit' | 'name' | 'fac.name'

export const searchTemplatesMethod: MethodDef = {
  name: 'slips/search_templates',
  auth: 'token_optional',
  handler(ctx) {
    const lang = ctx.params.requiredOneOf('langpref', LANGS)
    const query = (ctx.params.string('query') ?? '').trim()
    const selector = ctx.fields('slips/template_search_item', 'id|match')
    const bare = bareDefaults(ctx, [QUESTION_FIELDS])
    const issuableOnly = ctx.params.bool('issuable_only', false)
    const editableOnly = ctx.params.bool('editable_only', false)
    if (issuableOnly) requireParamScope(ctx, 'slips', 'issuable_only')
    if (editableOnly) requireParamScope(ctx, 'slips_admin', 'editable_only')
    const facIds = new Set(ctx.params.list('fac_ids'))
    const { num, start } = paging(ctx)
    const order = orderBy<TemplateOrder>(ctx, ['state', 'can_i_edit', 'name', 'fac.name'], undefined)
    const collator = collatorFor(lang)

    const matches = allTemplates(ctx.db).filter(
      (t) =>
        canSeeTemplate(ctx, t) &&
        templateMatches(t, query) &&
        (facIds.size === 0 || facIds.has(t.fac_id)) &&
        (!issuableOnly || canIssue(ctx, t).ok) &&
        (!editableOnly || canEditTemplate(ctx, t).ok)
    )

    const facNames = new Map<string, string>()
    const facName = (facId: string): string => {
      let name = facNames.get(facId)
      if (name === undefined) {
        const fac = renderForeign(ctx, 'fac/faculty', facId, flat('name'))
        const dict = fac && typeof fac === 'object' && !Array.isArray(fac) ? asLangDict(fac.name) : null
        name = dict ? pickLang(dict, lang) : facId
        facNames.set(facId, name)
      }
      return name
    }
    const value = (t: TemplateRow, field: TemplateOrder): string | number | boolean => {
      if (field === 'state') return t.state
      if (field === 'can_i_edit') return canEditTemplate(ctx, t).ok
      if (field === 'fac.name') return facName(t.fac_id)
      return t.name
    }
    const relevance = (t: TemplateRow): number => {
      if (query === '') return 0
      if (query === String(t.id)) return 0
      return t.name.toLocaleLowerCase(lang).startsWith(query.toLocaleLowerCase(lang)) ? 1 : 2
    }
    const explicit = compareBy<TemplateRow, TemplateOrder>(order, value, collator)
    matches.sort(
      (a, b) =>
        explicit(a, b) || relevance(a) - relevance(b) || collator.compare(a.name, b.name) || a.id - b.id
    )

    const { items, next_page } = page(matches, num, start)
    return {
      items: items.map((t) => {
        const hit: TemplateHit = { ...t, query }
        return render(ctx, 'slips/template_search_item', hit, selector, bare)
      }),
      next_page
    }
  }
}

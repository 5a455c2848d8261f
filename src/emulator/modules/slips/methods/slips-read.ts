/** slip, slips, search_slips. */
import type { Json, MethodDef } from '../../../framework/types'
import { canSeeSlip, SLIP_ROLES, slipRoles, type SlipRole } from '../permissions'
import { bareDefaults, refuseSingleOnly, render, type DeprecatedFields } from '../render'
import { allSlips, getProgramme, getSlip, getTemplate, SLIP_STATES, type SlipRow } from '../repo'
import {
  collatorFor,
  compareBy,
  forbidden,
  idList,
  invalid,
  LANGS,
  notFound,
  orderBy,
  page,
  paging
} from './common'

/** The deprecated sub-selector parameters of slip/slips, with the defaults each page states. */
function slipDeprecated(tplFallback: string): DeprecatedFields[] {
  return [
    { path: 'template', param: 'tpl_fields', type: 'slips/template', fallback: tplFallback },
    { path: 'connected_tpls', param: 'ctpl_fields', type: 'slips/template', fallback: 'id|name' },
    {
      path: 'connected_tpls.questions',
      param: 'ctpl_q_fields',
      type: 'slips/question',
      fallback: 'id|question'
    },
    { path: 'questions', param: 'sq_fields', type: 'slips/slipquestion', fallback: 'id' },
    { path: 'questions.question', param: 'sq_q_fields', type: 'slips/question', fallback: 'question' }
  ]
}

export const slipMethod: MethodDef = {
  name: 'slips/slip',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    ctx.requireUser()
    const id = ctx.params.requiredInt('slip_id')
    const selector = ctx.fields('slips/slip', 'template')
    const bare = bareDefaults(ctx, slipDeprecated('id|name'))
    const slip = getSlip(ctx.db, id)
    if (!slip) throw notFound('slip_id', 'slip')
    if (!canSeeSlip(ctx, slip)) throw forbidden('slip_id', 'slip')
    return render(ctx, 'slips/slip', slip, selector, bare)
  }
}

export const slipsMethod: MethodDef = {
  name: 'slips/slips',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    ctx.requireUser()
    const ids = idList(ctx, 'slip_ids', true)
    const selector = ctx.fields('slips/slip', 'template')
    refuseSingleOnly('slips/slip', selector)
    const bare = bareDefaults(ctx, slipDeprecated('id|name|fac'))
    const out: Record<string, Json> = {}
    for (const id of ids) {
      const slip = getSlip(ctx.db, Number(id))
      out[id] = slip && canSeeSlip(ctx, slip) ? render(ctx, 'slips/slip', slip, selector, bare) : null
    }
    return out
  }
}

type SlipOrder = 'state' | 'date_created'

export const searchSlipsMethod: MethodDef = {
  name: 'slips/search_slips',
  auth: 'token',
  scopes: ['slips'],
  handler(ctx) {
    ctx.requireUser()
    const lang = ctx.params.requiredOneOf('langpref', LANGS)
    const selector = ctx.fields('slips/slip', 'id')
    refuseSingleOnly('slips/slip', selector)
    const bare = bareDefaults(ctx, [
      { path: 'template', param: 'tpl_fields', type: 'slips/template', fallback: 'id' }
    ])
    const myRoles = ctx.params.list('my_role')
    for (const r of myRoles)
      if (!(SLIP_ROLES as readonly string[]).includes(r)) throw invalid('my_role', `Unknown role "${r}".`)
    const states = ctx.params.list('state')
    for (const s of states)
      if (!(SLIP_STATES as readonly string[]).includes(s))
        throw invalid('state', `Unknown slip state "${s}".`)
    const issuedBy = new Set(ctx.params.list('issued_by'))
    const issuedFor = new Set(ctx.params.list('issued_for'))
    const tplIds = new Set(idList(ctx, 'tpl_ids', false).map(Number))
    const facIds = new Set(ctx.params.list('fac_ids'))
    const programmeIds = new Set(ctx.params.list('programme_ids'))
    const { num, start } = paging(ctx)
    const order = orderBy<SlipOrder>(ctx, ['state', 'date_created'], '-date_created')

    const facOf = new Map<number, string>()
    const tplFaculty = (tplId: number): string => {
      let fac = facOf.get(tplId)
      if (fac === undefined) {
        fac = getTemplate(ctx.db, tplId)?.fac_id ?? ''
        facOf.set(tplId, fac)
      }
      return fac
    }
    const roleFilter = new Set(myRoles as SlipRole[])
    const matches = allSlips(ctx.db).filter((s: SlipRow) => {
      if (states.length > 0 && !states.includes(s.state)) return false
      if (issuedBy.size > 0 && !issuedBy.has(s.issuer_id)) return false
      if (issuedFor.size > 0 && !issuedFor.has(s.client_id)) return false
      if (tplIds.size > 0 && !tplIds.has(s.tpl_id)) return false
      if (facIds.size > 0 && !facIds.has(tplFaculty(s.tpl_id))) return false
      if (programmeIds.size > 0) {
        const prog = s.student_programme_id === null ? null : getProgramme(ctx.db, s.student_programme_id)
        if (!prog || !programmeIds.has(prog.programme_id)) return false
      }
      const roles = slipRoles(ctx, s)
      return roleFilter.size === 0 ? roles.length > 0 : roles.some((r) => roleFilter.has(r))
    })
    const collator = collatorFor(lang)
    // Datetimes compare as their digits: "YYYY-MM-DD HH:MM:SS" sorts like the number it spells.
    const value = (s: SlipRow, f: SlipOrder): string | number =>
      f === 'state' ? s.state : Number(s.date_created.replace(/\D/g, ''))
    const explicit = compareBy<SlipRow, SlipOrder>(order, value, collator)
    matches.sort((a, b) => explicit(a, b) || b.id - a.id)

    const { items, next_page } = page(matches, num, start)
    return { items: items.map((s) => render(ctx, 'slips/slip', s, selector, bare)), next_page }
  }
}

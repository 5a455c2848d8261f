/** `slips/template`: the fields of the template method. */
import { canDeleteTemplate, canEditTemplate, canIssue, requireFieldScope } from '../permissions'
import {
  connectedDeep,
  connectedIds,
  facultyMembers,
  slipsStats,
  templateQuestions,
  type TemplateRow
} from '../repo'
import { why, type SlipsFieldDef, type SlipsType } from './def'
import { templateRow } from './rows'

export const templateFields: Record<string, SlipsFieldDef<TemplateRow>> = {
  id: { get: (t) => String(t.id) },
  name: { get: (t) => t.name },
  lang: { get: (t) => t.lang },
  desc_for_issuers: { get: (t) => t.desc_for_issuers },
  fac: { get: (t) => t.fac_id, ref: 'fac/faculty' },
  state: { get: (t) => t.state },
  can_i_issue: {
    get: (t, ctx) => {
      requireFieldScope(ctx, 'slips', 'can_i_issue')
      return canIssue(ctx, t).ok
    }
  },
  why_cant_i_issue: { get: (t, ctx) => why(canIssue(ctx, t)) },
  can_i_edit: {
    get: (t, ctx) => {
      requireFieldScope(ctx, 'slips_admin', 'can_i_edit')
      return canEditTemplate(ctx, t).ok
    }
  },
  why_cant_i_edit: { get: (t, ctx) => why(canEditTemplate(ctx, t)) },
  can_i_delete: {
    get: (t, ctx) => {
      requireFieldScope(ctx, 'slips_admin', 'can_i_delete')
      return canDeleteTemplate(ctx, t).ok
    }
  },
  why_cant_i_delete: { get: (t, ctx) => why(canDeleteTemplate(ctx, t)) },
  questions: { get: (t, ctx) => templateQuestions(ctx.db, t.id), ref: 'slips/question' },
  slips_stats: { get: (t, ctx) => slipsStats(ctx.db, t.id) },
  connected_tpl_ids: { get: (t, ctx) => connectedIds(ctx.db, t.id).map(String) },
  connected_tpl_ids_deep: { get: (t, ctx) => connectedDeep(ctx.db, t.id).map(String) },
  coordinators: { get: (t, ctx) => facultyMembers(ctx.db, t.fac_id, 'template_admin'), ref: 'users/user' }
}

export const templateType: SlipsType<TemplateRow> = {
  name: 'slips/template',
  fields: templateFields,
  primary: ['id', 'name'],
  load: (id, ctx) => templateRow(ctx, Number(id))
}

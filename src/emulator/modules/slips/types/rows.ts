/** Memoized row look-ups for rendering. */
import type { CallContext } from '../../../framework/types'
import {
  getProgramme,
  getQuestion,
  getSlip,
  getTemplate,
  type ProgrammeRow,
  type QuestionRow,
  type SlipRow,
  type TemplateRow
} from '../repo'
import { memo } from './cache'

export const templateRow = (ctx: CallContext, id: number): TemplateRow | null =>
  memo(ctx, `tpl:${id}`, () => getTemplate(ctx.db, id))
export const questionRow = (ctx: CallContext, id: number): QuestionRow | null =>
  memo(ctx, `q:${id}`, () => getQuestion(ctx.db, id))
export const slipRow = (ctx: CallContext, id: number): SlipRow | null =>
  memo(ctx, `slip:${id}`, () => getSlip(ctx.db, id))
export const programmeRow = (ctx: CallContext, id: number): ProgrammeRow | null =>
  memo(ctx, `prog:${id}`, () => getProgramme(ctx.db, id))

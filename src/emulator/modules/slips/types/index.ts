/** Every object kind the slips module renders, by registered name. */
import type { SlipsType } from './def'
import { foreignType, studentProgrammeType, templateHitType } from './misc'
import { questionType } from './question'
import { slipType } from './slip'
import { slipquestionType } from './slipquestion'
import { templateType } from './template'

export const SLIPS_TYPES: ReadonlyArray<SlipsType<never>> = [
  templateType,
  questionType,
  slipType,
  slipquestionType,
  studentProgrammeType,
  templateHitType,
  foreignType
] as unknown as ReadonlyArray<SlipsType<never>>

export const slipsTypeByName: ReadonlyMap<string, SlipsType<unknown>> = new Map(
  SLIPS_TYPES.map((t) => [t.name, t as unknown as SlipsType<unknown>])
)

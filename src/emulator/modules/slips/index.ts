/** The slips module (services/slips/*) of the demo installation: clearance slips and their templates. */
import type { EmulatorModule } from '../../framework/types'
import { addQuestionMethod, deleteQuestionMethod, updateQuestionMethod } from './methods/questions-write'
import { questionMethod, questionsMethod } from './methods/questions-read'
import {
  slipquestionMethod,
  slipquestionsMethod,
  toBeAnsweredMethod,
  updateSlipquestionMethod
} from './methods/slipquestions'
import { searchSlipsMethod, slipMethod, slipsMethod } from './methods/slips-read'
import { deleteSlipMethod, issueSlipMethod, updateSlipMethod } from './methods/slips-write'
import { searchTemplatesMethod, templateMethod, templatesMethod } from './methods/templates-read'
import { createTemplateMethod, deleteTemplateMethod, updateTemplateMethod } from './methods/templates-write'
import { userRolesMethod } from './methods/user-roles'
import { migrateSlips } from './schema'
import { seedSlips } from './seed'
import { forFramework } from './types/def'
import { SLIPS_TYPES } from './types'

export const slipsModule: EmulatorModule = {
  name: 'slips',
  migrate: migrateSlips,
  seed: seedSlips,
  types: SLIPS_TYPES.map(forFramework),
  methods: [
    addQuestionMethod,
    createTemplateMethod,
    deleteQuestionMethod,
    deleteSlipMethod,
    deleteTemplateMethod,
    issueSlipMethod,
    questionMethod,
    questionsMethod,
    searchSlipsMethod,
    searchTemplatesMethod,
    slipMethod,
    slipquestionMethod,
    slipquestionsMethod,
    slipsMethod,
    templateMethod,
    templatesMethod,
    toBeAnsweredMethod,
    updateQuestionMethod,
    updateSlipMethod,
    updateSlipquestionMethod,
    updateTemplateMethod,
    userRolesMethod
  ]
}

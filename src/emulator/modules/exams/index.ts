/** The exams module (services/exams/*) of the demo installation. */
import type { EmulatorModule, ObjectType } from '../../framework/types'
import { examsMethods } from './methods'
import { migrateExams } from './schema'
import { seedExams } from './seed'
import { examsTypes } from './types'

export const examsModule: EmulatorModule = {
  name: 'exams',
  migrate: migrateExams,
  seed: seedExams,
  types: examsTypes as unknown as ObjectType<never>[],
  methods: examsMethods
}

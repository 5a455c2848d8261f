/** The exams module (services/exams/*) of the demo installation: registration for exams. */
import type { EmulatorModule } from '../../framework/types'
import { examsMethods } from './methods'
import { migrateExams } from './schema'
import { seedExams } from './seed'
import { examsTypes } from './types'

export const examsModule: EmulatorModule = {
  name: 'exams',
  migrate: migrateExams,
  seed: seedExams,
  types: examsTypes,
  methods: examsMethods
}

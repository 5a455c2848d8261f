import type { EmulatorModule } from '../framework/types'
import { commonModule } from './common'
import { examsModule } from './exams'
import { meetingsModule } from './meetings'
import { slipsModule } from './slips'

/**
 * The modules of the demo installation, in seeding order.
 */
export const allModules: EmulatorModule[] = [commonModule, meetingsModule, slipsModule, examsModule]

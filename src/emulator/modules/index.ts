import type { EmulatorModule } from '../framework/types'
import { commonModule } from './common'
import { meetingsModule } from './meetings'
import { slipsModule } from './slips'

/**
 * The modules of the demo installation, in seeding order. Exams joins this list when its module
 * lands.
 */
export const allModules: EmulatorModule[] = [commonModule, meetingsModule, slipsModule]

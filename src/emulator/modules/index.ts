import type { EmulatorModule } from '../framework/types'
import { commonModule } from './common'
import { slipsModule } from './slips'

/**
 * The modules of the demo installation, in seeding order. Meetings and exams join this list as
 * their modules land.
 */
export const allModules: EmulatorModule[] = [commonModule, slipsModule]

/** The meetings module (services/meetings/*) of the demo installation: office hours. */
import type { EmulatorModule, ObjectType } from '../../framework/types'
import { readMethods } from './methods-read'
import { noteMethods, writeMethods } from './methods-write'
import { migrateMeetings } from './schema'
import { createMeetingDates } from './demo-actions'
import { seedMeetings } from './seed'
import { meetingsTypes } from './types'

export const meetingsModule: EmulatorModule = {
  name: 'meetings',
  migrate: migrateMeetings,
  seed: seedMeetings,
  types: meetingsTypes as unknown as ObjectType<never>[],
  methods: [...readMethods, ...writeMethods, ...noteMethods],
  demoActions: { meeting_dates: createMeetingDates }
}

/** The referenced modules (users, fac, terms, geo, courses, groups, apisrv) of the demo installation. */
import type { EmulatorModule, ObjectType } from '../../framework/types'
import { commonMethods, commonTypes } from './methods'
import { migrateCommon } from './schema'

export const commonModule: EmulatorModule = {
  name: 'common',
  migrate: migrateCommon,
  // The common data is seeded first by seedCommon (it makes the world the others seed against).
  seed: () => {},
  types: commonTypes as unknown as ObjectType<never>[],
  methods: commonMethods
}

export { DEMO_USER_IDS, seedCommon, termsAround } from './seed'

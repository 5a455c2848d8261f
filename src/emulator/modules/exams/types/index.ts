import type { ObjectType } from '../../../framework/types'
import { examType } from './exam'
import { examGroupType, groupType, slotType } from './group'
import { conditionType, examrepSessionType, examrepType, user2Type } from './refs'
import { sessionType } from './session'

export const examsTypes = [
  sessionType,
  examType,
  groupType,
  examGroupType,
  slotType,
  conditionType,
  examrepType,
  examrepSessionType,
  user2Type
] as unknown as ObjectType<never>[]

import type { MethodDef } from '../../../framework/types'
import { batchMethods } from './batch'
import { examMethods } from './exams'
import { groupMethods } from './groups'
import { sessionMethods } from './sessions'

/** The 17 methods of services/exams. */
export const examsMethods: MethodDef[] = [...sessionMethods, ...examMethods, ...groupMethods, ...batchMethods]

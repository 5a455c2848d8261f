/**
 * The USOS API client, public face. See README.md beside this file.
 */
export {
  UsosClient,
  isWriteMethod,
  CLOCK_SKEW_LIMIT_MS,
  DEFAULT_MULTI_BATCH,
  type UsosClientOptions,
  type Params,
  type ParamValue,
  type RequestInfo
} from './client'
export * from './errors'
export * from './signer'
export * from './api'
export * from './fields'
export type * from './method-spec'
export { USOS_METHODS, type UsosMethodParams } from './methods.generated'

import type { ClientFactory } from '../accounts/types'
import { UsosClient as Client } from './client'

/** The factory the app and the CLI give the account service: real clients, one per account. */
export const usosClientFactory: ClientFactory = (options) => new Client(options)

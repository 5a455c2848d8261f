export * from './client'
export * from './errors'
export * from './signer'

import type { ClientFactory } from '../accounts/types'
import { UsosClient as Client } from './client'

/** The factory the app and the CLI give the account service: real clients, one per account. */
export const usosClientFactory: ClientFactory = (options) => new Client(options)
export * from './api'
export type { MethodSpec } from './method-spec'
export { USOS_METHODS } from './methods.generated'
export * from './fields'

export * from './base-url'
export * from './repository'
export * from './service'
export * from './types'

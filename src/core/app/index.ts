export * from './context'
export * from './events'
export * from './paths'

export * from './calendar'
export * from './schema'

export * from './operations'
export * from './queue'
export * from './sender'

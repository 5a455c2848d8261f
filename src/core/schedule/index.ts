export * from './generate'
export * from './holidays'

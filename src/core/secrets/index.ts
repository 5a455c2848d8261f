export * from './box'
export * from './store'

export * from './engine'
export * from './wire'

export * from './db'
export * from './migrations'
export * from './settings'

export * from './ics'
export * from './participants'

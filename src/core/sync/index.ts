export * from './engine'
export { readingOrder, thisWeek } from './order'
export * from './wire'
export * from './exams'

export * from './engine'
export * from './wire'
export * from './exams'

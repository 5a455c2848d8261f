import { defineConfig } from 'vitest/config'
import base from './vitest.config'

// Benchmarks measure and print (ratios to their targets, counts); they never fail on timing.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 600_000,
    hookTimeout: 600_000
  }
})

#!/usr/bin/env node
// Prints one closing line for the whole `npm test` run ("N passed, N failed, N skipped"), added up
// from the reports vitest and Playwright write, so CI reads one plain count.
import { existsSync, readFileSync } from 'node:fs'

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)
let passed = 0
let failed = 0
let skipped = 0
const vitest = read('test/artifacts/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
}
const playwright = read('test/artifacts/playwright.json')
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky
  failed += playwright.stats.unexpected
  skipped += playwright.stats.skipped
}
if (!vitest || !playwright) {
  console.error('test-summary: a test report is missing (vitest or playwright did not run)')
  process.exitCode = 1
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (failed > 0 || passed === 0) process.exitCode = 1

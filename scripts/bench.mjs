#!/usr/bin/env node
// `npm run bench`: runs test/bench/*.bench.ts and prints each measurement as a ratio to its target.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'

rmSync('test/artifacts/bench.txt', { force: true })
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.bench.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit'
  }
)
process.exit(run.status ?? 1)

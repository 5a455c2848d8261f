#!/usr/bin/env node
// `npm run bench`: runs test/bench/*.bench.ts and prints each measurement as a ratio to its target.
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'

// Our own options (`--latency-ms N`, `--scale small|medium|large`) go to the benchmarks as
// environment variables; the rest (e.g. a file filter) to vitest.
const env = { ...process.env }
const rest = []
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  const [name, inline] = args[i].split('=')
  const own = { '--latency-ms': 'BENCH_LATENCY_MS', '--scale': 'BENCH_SCALE' }[name]
  if (!own) {
    rest.push(args[i])
    continue
  }
  const value = inline ?? args[++i]
  if (value === undefined || value.startsWith('--')) {
    console.error(`${name} needs a value`)
    process.exit(2)
  }
  env[own] = value
}
if (env.BENCH_LATENCY_MS !== undefined && !/^\d+$/.test(env.BENCH_LATENCY_MS)) {
  console.error('--latency-ms must be a whole number of milliseconds')
  process.exit(2)
}
if (env.BENCH_SCALE !== undefined && !['small', 'medium', 'large'].includes(env.BENCH_SCALE)) {
  console.error('--scale must be small, medium or large')
  process.exit(2)
}
// The sync benchmark runs the demo installation as its own process, from the built CLI.
if (!existsSync('out/main/cli.js')) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
rmSync('test/artifacts/bench.txt', { force: true })
const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts', ...rest], {
  stdio: 'inherit',
  env
})
process.exit(run.status ?? 1)

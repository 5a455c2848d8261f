#!/usr/bin/env node
// The CLI is built with the app (`npm run build`, also run by `npm install`): out/main/cli.js.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('office-hours: not built yet; run `npm run build` in the project folder first\n')
  process.exit(2)
}
const { runCli } = await import(cli)
process.exitCode = await runCli(process.argv.slice(2))

#!/usr/bin/env node
// `npm run security`: Electronegativity over src/ for the installed Electron version; fails on any
// HIGH or MEDIUM finding not explained in security/electronegativity-explained.json. (The tool
// itself exits 0 whatever it finds, so its report is read here.)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const root = process.cwd()
const electron = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const out = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv')
const run = spawnSync(
  join(root, 'node_modules/.bin/electronegativity'),
  ['-i', 'src', '-e', electron, '-o', out],
  {
    encoding: 'utf8'
  }
)
if (run.status !== 0) {
  console.error(run.stderr || run.stdout)
  process.exit(run.status ?? 1)
}

/** Minimal CSV reader for the report (quoted fields, commas inside quotes). */
function parseCsv(text) {
  const rows = []
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue
    const cells = []
    let cur = ''
    let quoted = false
    for (const ch of line) {
      if (ch === '"') quoted = !quoted
      else if (ch === ',' && !quoted) {
        cells.push(cur.trim())
        cur = ''
      } else cur += ch
    }
    cells.push(cur.trim())
    rows.push(cells)
  }
  return rows
}

const explained = JSON.parse(
  readFileSync(join(root, 'security/electronegativity-explained.json'), 'utf8')
).explained
const findings = parseCsv(readFileSync(out, 'utf8')).map(([check, severity, confidence, file, location]) => ({
  check: check || 'CSP_GLOBAL_CHECK',
  severity,
  confidence,
  file: file ? relative(root, file) : '',
  location
}))
const serious = findings.filter(
  (f) => f.severity === 'HIGH' || f.severity === 'MEDIUM' || f.check === 'CSP_GLOBAL_CHECK'
)
const unexplained = serious.filter((f) => !explained.some((e) => e.check === f.check && e.file === f.file))
console.log(
  `electronegativity (Electron ${electron}): ${findings.length} findings, ${serious.length} high/medium, ${unexplained.length} unexplained`
)
for (const f of unexplained) console.log(`  UNEXPLAINED ${f.severity} ${f.check} ${f.file}:${f.location}`)
process.exit(unexplained.length ? 1 : 0)

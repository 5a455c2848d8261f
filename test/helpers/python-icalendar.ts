import { spawnSync } from 'node:child_process'

/** Debian's Python, where .ci/run installs python3-icalendar. */
export const PYTHON = '/usr/bin/python3'

/**
 * Whether Python can import `module` here (an independent reader of what the app writes: icalendar
 * for ICS, openpyxl for XLSX). Missing on a developer's machine, the check is skipped with the
 * reason; missing in CI (`CI` set, as .ci/run runs), it is an error, so CI never passes without it.
 */
export function pythonModule(
  module: string,
  aptPackage: string,
  env: NodeJS.ProcessEnv = process.env,
  python = PYTHON
): { available: true } | { available: false; reason: string } {
  const run = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' })
  if (run.status === 0) return { available: true }
  const reason = run.error
    ? `${python}: ${run.error.message}`
    : (run.stderr.trim().split('\n').pop() ?? `${python} exited with ${run.status}`)
  if (env.CI)
    throw new Error(
      `Python ${module} is needed in CI to check the exports (apt-get install ${aptPackage}): ${reason}`
    )
  return { available: false, reason }
}

/** Python's icalendar, beside ical.js, for the ICS exports. */
export function pythonIcalendar(
  env: NodeJS.ProcessEnv = process.env,
  python = PYTHON
): { available: true } | { available: false; reason: string } {
  return pythonModule('icalendar', 'python3-icalendar', env, python)
}

import { spawnSync } from 'node:child_process'

/** Debian's Python, where .ci/run installs python3-icalendar. */
export const PYTHON = '/usr/bin/python3'

/**
 * Whether Python's icalendar can check ICS files here: an independent reader, beside ical.js.
 * Missing on a developer's machine, the check is skipped with the reason; missing in CI (`CI` set,
 * as .ci/run runs), it is an error, so CI never passes without the check having run.
 */
export function pythonIcalendar(
  env: NodeJS.ProcessEnv = process.env,
  python = PYTHON
): { available: true } | { available: false; reason: string } {
  const run = spawnSync(python, ['-c', 'import icalendar'], { encoding: 'utf8' })
  if (run.status === 0) return { available: true }
  const reason = run.error
    ? `${python}: ${run.error.message}`
    : (run.stderr.trim().split('\n').pop() ?? `${python} exited with ${run.status}`)
  if (env.CI)
    throw new Error(
      `Python icalendar is needed in CI to check the ICS exports (apt-get install python3-icalendar): ${reason}`
    )
  return { available: false, reason }
}

/**
 * Modules an installation may not run. services/slips and services/exams are BETA and not every
 * university offers them; such an installation answers their methods as any unknown method:
 * HTTP 404 `method_not_found` (the errors page). The first such answer is noted in the mirror, the
 * module is skipped by the ordinary syncs after it (a full sync asks again), and its screen says
 * "not offered by this installation" instead of an error.
 */
import type Database from 'better-sqlite3'
import type { ModuleAvailability, OptionalModuleName } from '../../shared/types'
import { stmt } from '../mirror/statements'
import { isUsosError } from '../usos/errors'

const key = (module: OptionalModuleName) => `module_missing:${module}`

/** USOS's answer to a method this installation does not have. */
export function isMissingMethod(error: unknown): boolean {
  return isUsosError(error) && (error.kind === 'not_found' || error.usosCode === 'method_not_found')
}

export function moduleMissing(db: Database.Database, module: OptionalModuleName): boolean {
  return stmt(db, 'SELECT 1 FROM sync_state WHERE key = ?').get(key(module)) !== undefined
}

export function noteModule(
  db: Database.Database,
  module: OptionalModuleName,
  missing: boolean,
  at: Date
): void {
  if (missing)
    stmt(
      db,
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
    ).run(key(module), at.toISOString())
  else stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(key(module))
}

export function moduleAvailability(db: Database.Database): ModuleAvailability {
  return {
    slips: moduleMissing(db, 'slips') ? 'missing' : 'offered',
    exams: moduleMissing(db, 'exams') ? 'missing' : 'offered'
  }
}

/**
 * Runs one module's step of a sync: skipped (answering `empty`) while the module is noted missing,
 * unless `full`; a method_not_found answer notes it missing and answers `empty`; any other failure
 * is the caller's.
 */
export async function optionalModuleStep<T>(
  db: Database.Database,
  module: OptionalModuleName,
  options: { full?: boolean; now: () => Date },
  step: () => Promise<T>,
  empty: T
): Promise<T> {
  if (!options.full && moduleMissing(db, module)) return empty
  try {
    const result = await step()
    noteModule(db, module, false, options.now())
    return result
  } catch (error) {
    if (!isMissingMethod(error)) throw error
    noteModule(db, module, true, options.now())
    return empty
  }
}

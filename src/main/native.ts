import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The better-sqlite3 addon built for this Electron (see scripts/native-modules.mjs), or undefined
 * to let better-sqlite3 load its own build (as in a packaged app, built for Electron by the packager).
 */
export function electronNativeBinding(appRoot = process.cwd()): string | undefined {
  const file = join(
    appRoot,
    'node_modules',
    '.office-hours-native',
    `electron-${process.versions.electron}-${process.platform}-${process.arch}`,
    'better_sqlite3.node'
  )
  return existsSync(file) ? file : undefined
}

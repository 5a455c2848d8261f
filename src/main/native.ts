import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface NativeBindingPlace {
  /** `app.getAppPath()`: the checkout when run from one. */
  appRoot: string
  /** `app.isPackaged`. */
  packaged: boolean
  /** `process.resourcesPath` of the packaged app. */
  resourcesPath: string | undefined
  electronVersion: string
  platform: string
  arch: string
}

/**
 * The better-sqlite3 addon built for this Electron, never the Node build in node_modules (see
 * scripts/native-modules.mjs): in a packaged app resources/native/ (electron-builder's
 * extraResources), from a checkout node_modules/.office-hours-native/. A missing one is an error
 * that says what to do; the shell shows it at start.
 */
export function electronNativeBinding(place: NativeBindingPlace): string {
  if (place.packaged) {
    const file = join(place.resourcesPath ?? '', 'native', 'better_sqlite3.node')
    if (!existsSync(file))
      throw new Error(`The app's database engine is missing (${file}). Reinstall the app.`)
    return file
  }
  const file = join(
    place.appRoot,
    'node_modules',
    '.office-hours-native',
    `electron-${place.electronVersion}-${place.platform}-${place.arch}`,
    'better_sqlite3.node'
  )
  if (!existsSync(file)) {
    throw new Error(
      `better-sqlite3 has no build for Electron ${place.electronVersion} (${place.platform}-${place.arch}) at ${file}. Run \`node scripts/native-modules.mjs --electron\` (\`npm start\` and \`npm run dev\` do it first).`
    )
  }
  return file
}

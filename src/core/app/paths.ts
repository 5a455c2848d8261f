import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = 'USOS Office Hours'

/**
 * The desktop app's user-data folder, computed the way Electron's `app.getPath('userData')` does,
 * so that the CLI (which has no Electron) shares one profile with the app by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME)
}

export const mirrorFile = (dataDir: string): string => join(dataDir, 'mirror.sqlite')

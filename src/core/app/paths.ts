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

/** Settings and the accounts list. */
export const profileFile = (dataDir: string): string => join(dataDir, 'profile.sqlite')

/** One account's mirror of USOS (and its outbox): a file per account, removed with the account. */
export const mirrorFile = (dataDir: string, accountId: string): string =>
  join(dataDir, 'accounts', accountId, 'mirror.sqlite')

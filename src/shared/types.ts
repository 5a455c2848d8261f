/** Domain types shared by main and renderer; names follow USOS's own words. */

export type Language = 'pl' | 'en'

export interface LangDict {
  pl: string | null
  en: string | null
}

export interface Settings {
  language: Language
  theme: 'system' | 'light' | 'dark'
}

export interface AppInfo {
  name: string
  version: string
  /** Where the profile lives: mirror, secrets, settings. */
  dataDir: string
  /** `electron` in the desktop app, `web` in the web harness. */
  shell: 'electron' | 'web'
  /** The installation's zone: USOS datetimes are local to it. */
  timeZone: string
  schemaVersion: number
}

import { AccountRepository } from '../../src/core/accounts'
import { MirrorSet } from '../../src/core/app/mirrors'
import { profileFile } from '../../src/core/app/paths'
import { openDatabase, profileMigrations } from '../../src/core/store'

/**
 * A profile folder with one signed-in account `acc1` (no secrets: for commands that read the
 * mirror only), and the mirror set to fill it.
 */
export function profileWithAccount(dataDir: string, userId = '7'): MirrorSet {
  const profile = openDatabase(profileFile(dataDir), { migrations: profileMigrations }).db
  new AccountRepository(profile).upsert({
    id: 'acc1',
    baseUrl: 'https://usos.example.edu.pl/',
    institutionName: null,
    consumerKey: 'ck',
    userId,
    firstName: 'Zofia',
    lastName: 'Żółkiewska',
    scopes: [],
    isDemo: false,
    needsSignIn: false,
    createdAt: '2026-11-01T00:00:00Z'
  })
  profile.close()
  return new MirrorSet(dataDir)
}

import type Database from 'better-sqlite3'
import type { Account } from './types'

interface AccountRow {
  id: string
  base_url: string
  institution_name_pl: string | null
  institution_name_en: string | null
  consumer_key: string
  user_id: string
  first_name: string
  last_name: string
  scopes: string
  is_demo: number
  needs_sign_in: number
  created_at: string
}

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  baseUrl: r.base_url,
  institutionName:
    r.institution_name_pl === null && r.institution_name_en === null
      ? null
      : { pl: r.institution_name_pl, en: r.institution_name_en },
  consumerKey: r.consumer_key,
  userId: r.user_id,
  firstName: r.first_name,
  lastName: r.last_name,
  scopes: r.scopes === '' ? [] : r.scopes.split('|'),
  isDemo: r.is_demo === 1,
  needsSignIn: r.needs_sign_in === 1,
  createdAt: r.created_at
})

/** The accounts table of the profile database. No secrets here: those are in the SecretStore. */
export class AccountRepository {
  constructor(private readonly db: Database.Database) {}

  list(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY created_at, id').all() as AccountRow[]).map(
      toAccount
    )
  }

  get(id: string): Account | null {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined
    return row ? toAccount(row) : null
  }

  findByUser(baseUrl: string, userId: string): Account | null {
    const row = this.db
      .prepare('SELECT * FROM accounts WHERE base_url = ? AND user_id = ?')
      .get(baseUrl, userId) as AccountRow | undefined
    return row ? toAccount(row) : null
  }

  upsert(a: Account): void {
    this.db
      .prepare(
        `INSERT INTO accounts (id, base_url, institution_name_pl, institution_name_en, consumer_key, user_id,
           first_name, last_name, scopes, is_demo, needs_sign_in, created_at)
         VALUES (@id, @base_url, @pl, @en, @consumer_key, @user_id, @first_name, @last_name, @scopes, @is_demo, @needs, @created_at)
         ON CONFLICT(id) DO UPDATE SET institution_name_pl = @pl, institution_name_en = @en, consumer_key = @consumer_key,
           first_name = @first_name, last_name = @last_name, scopes = @scopes, needs_sign_in = @needs`
      )
      .run({
        id: a.id,
        base_url: a.baseUrl,
        pl: a.institutionName?.pl ?? null,
        en: a.institutionName?.en ?? null,
        consumer_key: a.consumerKey,
        user_id: a.userId,
        first_name: a.firstName,
        last_name: a.lastName,
        scopes: a.scopes.join('|'),
        is_demo: a.isDemo ? 1 : 0,
        needs: a.needsSignIn ? 1 : 0,
        created_at: a.createdAt
      })
  }

  /** The demo installation moved to another port: its account follows. */
  upsertBaseUrl(id: string, baseUrl: string): void {
    this.db.prepare('UPDATE accounts SET base_url = ? WHERE id = ?').run(baseUrl, id)
  }

  setNeedsSignIn(id: string, value: boolean): void {
    this.db.prepare('UPDATE accounts SET needs_sign_in = ? WHERE id = ?').run(value ? 1 : 0, id)
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id)
  }
}

import type Database from 'better-sqlite3'
import type { LangDict } from '../../shared/types'

/** USOS API's own installation: its `apisrv/installations` lists every public one. */
export const MOTHER_SERVER = 'https://usosapps.uw.edu.pl/'

export interface Installation {
  baseUrl: string
  name: LangDict
  version: string | null
  contactEmails: string[]
}

const text = (v: unknown) => (typeof v === 'string' ? v : null)

function parse(list: unknown): Installation[] {
  if (!Array.isArray(list)) throw new Error('the installations list is not a list')
  const out: Installation[] = []
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue
    const i = item as Record<string, unknown>
    const baseUrl = text(i.base_url)
    if (!baseUrl || !/^https?:\/\//.test(baseUrl)) continue
    const name = (
      typeof i.institution_name === 'object' && i.institution_name !== null ? i.institution_name : {}
    ) as Record<string, unknown>
    out.push({
      baseUrl,
      name: { pl: text(name.pl), en: text(name.en) },
      version: text(i.version),
      contactEmails: Array.isArray(i.contact_emails)
        ? i.contact_emails.filter((e): e is string => typeof e === 'string')
        : []
    })
  }
  return out
}

/**
 * The public installations, asked of `source` (anonymous: the method needs no consumer) and kept in
 * the profile, so the list is there offline too. Answers the cached list (and why) when asking fails.
 */
export async function listInstallations(
  db: Database.Database,
  source: string = MOTHER_SERVER,
  fetchImpl: typeof fetch = fetch,
  now: () => Date = () => new Date()
): Promise<{
  installations: Installation[]
  fresh: boolean
  problem: string | null
  /** The problem as a code the UI words: the cached list shown, or none to show. */
  problemCode: 'installations_cached' | 'installations_none' | null
}> {
  try {
    const res = await fetchImpl(`${source}services/apisrv/installations`, {
      signal: AbortSignal.timeout(10_000)
    })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const installations = parse(await res.json())
    const at = now().toISOString()
    db.transaction(() => {
      const put = db.prepare(
        `INSERT INTO installations (base_url, name_pl, name_en, version, contact_emails, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(base_url) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en, version = excluded.version,
           contact_emails = excluded.contact_emails, fetched_at = excluded.fetched_at`
      )
      for (const i of installations)
        put.run(i.baseUrl, i.name.pl, i.name.en, i.version, JSON.stringify(i.contactEmails), at)
    })()
    return { installations, fresh: true, problem: null, problemCode: null }
  } catch (error) {
    const rows = db
      .prepare('SELECT * FROM installations ORDER BY COALESCE(name_pl, name_en, base_url)')
      .all() as Array<{
      base_url: string
      name_pl: string | null
      name_en: string | null
      version: string | null
      contact_emails: string
    }>
    return {
      installations: rows.map((r) => ({
        baseUrl: r.base_url,
        name: { pl: r.name_pl, en: r.name_en },
        version: r.version,
        contactEmails: JSON.parse(r.contact_emails) as string[]
      })),
      fresh: false,
      problemCode: rows.length ? 'installations_cached' : 'installations_none',
      problem: `The list of installations could not be fetched (${error instanceof Error ? error.message : String(error)}); ${rows.length ? 'showing the list from before' : 'type the address instead'}.`
    }
  }
}

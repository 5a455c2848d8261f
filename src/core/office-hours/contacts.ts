/**
 * The e-mail addresses of a date's participants, for the lists chosen (main, reserve, rejected):
 * USOS users' addresses read live from services/users/users (the `email` field needs the `email`
 * scope; without it the answer says so), outside persons' from the mirror, with their contact data.
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { compareNames } from '../../shared/locale-format'
import type { ContactsView } from '../../shared/types-attendance'
import type { ParticipantListName } from '../../shared/participant-lists'
import { stmt } from '../mirror/statements'
import type { UsosCaller } from '../sync/engine'

interface Row {
  id: string
  user_id: string | null
  is_external: number
  is_reserve: number
  status: string
  first_name: string
  last_name: string
  external_email: string | null
  external_contact: string | null
}

export function listOf(p: { is_reserve: number; status: string }): ParticipantListName {
  if (p.status === 'rejected') return 'rejected'
  return p.is_reserve ? 'reserve' : 'main'
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/

export async function participantContacts(
  db: Database.Database,
  caller: UsosCaller,
  account: { scopes: readonly string[] },
  meetingDateId: string,
  lists: readonly ParticipantListName[]
): Promise<ContactsView> {
  if (!stmt(db, 'SELECT 1 FROM meeting_dates WHERE id = ?').get(meetingDateId))
    throw new AppError('not_found', 'This meeting date is not in the local data.', undefined, {
      key: 'meetingDateGone'
    })
  const rows = (
    stmt(
      db,
      `SELECT p.id, p.user_id, p.is_external, p.is_reserve, p.status, p.external_email, p.external_contact,
              COALESCE(u.first_name, p.external_first_name, '') AS first_name,
              COALESCE(u.last_name, p.external_last_name, '') AS last_name
       FROM participants p LEFT JOIN users u ON u.id = p.user_id WHERE p.meeting_date_id = ?`
    ).all(meetingDateId) as Row[]
  )
    .filter((r) => lists.includes(listOf(r)))
    .sort((a, b) =>
      compareNames(
        { lastName: a.last_name, firstName: a.first_name },
        { lastName: b.last_name, firstName: b.first_name }
      )
    )
  const emailScope = account.scopes.includes('email')
  const userIds = [...new Set(rows.filter((r) => !r.is_external && r.user_id).map((r) => r.user_id!))]
  const found = new Map<string, string>()
  if (emailScope && userIds.length > 0) {
    for (let i = 0; i < userIds.length; i += 100) {
      const answer = await caller.call<Record<string, { email?: unknown } | null>>('services/users/users', {
        user_ids: userIds.slice(i, i + 100).join('|'),
        fields: 'id|email'
      })
      for (const [id, user] of Object.entries(answer ?? {}))
        if (typeof user?.email === 'string' && EMAIL.test(user.email.trim())) found.set(id, user.email.trim())
    }
  }
  const people = rows.map((r) => {
    const email = r.is_external ? r.external_email?.trim() || null : (found.get(r.user_id ?? '') ?? null)
    return {
      participantId: r.id,
      name: `${r.first_name} ${r.last_name}`.trim(),
      list: listOf(r),
      email: email && EMAIL.test(email) ? email : null,
      contact: r.is_external ? r.external_contact : null
    }
  })
  const emails = [...new Set(people.flatMap((p) => (p.email ? [p.email] : [])))]
  return {
    people,
    emails,
    emailScope,
    mailto: emails.length > 0 ? `mailto:?bcc=${emails.map(encodeURIComponent).join(',')}` : null
  }
}

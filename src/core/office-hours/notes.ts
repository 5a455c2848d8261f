/**
 * Notes about a student (services/meetings: get_note, put_note, delete_note), read from the
 * mirror. One note instance holds a private and a public text for a faculty and term; what the
 * user types is kept as a draft in `note_drafts` until USOS has it, so nothing typed is lost to a
 * crash, a closed window or a dropped network.
 */
import type Database from 'better-sqlite3'
import type { LangDict, NoteHistoryEntry, NoteType, StudentNotesView } from '../../shared/types'
import { stmt } from '../mirror/statements'
import { noteKey } from '../mirror/write'

export interface NoteScope {
  facultyId: string
  termId: string
  userId: string
}

interface NoteRow {
  id: string
  faculty_id: string | null
  term_id: string | null
  creation_date: string | null
  private_note: string | null
  public_note: string | null
  own: number | null
  fac_pl: string | null
  fac_en: string | null
  term_pl: string | null
  term_en: string | null
}

const dict = (pl: string | null, en: string | null): LangDict | null =>
  pl === null && en === null ? null : { pl, en }

export function studentNotes(db: Database.Database, scope: NoteScope): StudentNotesView {
  const user = stmt(db, 'SELECT first_name, last_name, student_number FROM users WHERE id = ?').get(
    scope.userId
  ) as { first_name: string; last_name: string; student_number: string | null } | undefined
  const rows = stmt(
    db,
    `SELECT n.id, n.faculty_id, n.term_id, n.creation_date, n.private_note, n.public_note, n.own,
            f.name_pl AS fac_pl, f.name_en AS fac_en, t.name_pl AS term_pl, t.name_en AS term_en
     FROM notes n LEFT JOIN faculties f ON f.id = n.faculty_id LEFT JOIN terms t ON t.id = n.term_id
     WHERE n.user_id = ?
     ORDER BY n.faculty_id = ? AND n.term_id = ? DESC, n.creation_date DESC, n.id`
  ).all(scope.userId, scope.facultyId, scope.termId) as NoteRow[]
  const current =
    rows.find((r) => r.faculty_id === scope.facultyId && r.term_id === scope.termId && r.own === 1) ?? null
  const drafts = stmt(
    db,
    'SELECT note_type, content, updated_at FROM note_drafts WHERE faculty_id = ? AND term_id = ? AND user_id = ?'
  ).all(scope.facultyId, scope.termId, scope.userId) as Array<{
    note_type: NoteType
    content: string
    updated_at: string
  }>
  const pendingSaves = stmt(
    db,
    `SELECT COUNT(*) AS n FROM outbox WHERE target_table = 'notes' AND target_id IN (?, ?)
       AND state IN ('pending', 'sending', 'unknown', 'needs_attention')`
  ).get(noteKey(scope.facultyId, scope.termId, scope.userId), current?.id ?? '') as { n: number }
  const side = (type: NoteType) => {
    const draft = drafts.find((d) => d.note_type === type)
    return {
      saved: current ? (type === 'private' ? current.private_note : current.public_note) : null,
      draft: draft?.content ?? null,
      draftUpdatedAt: draft?.updated_at ?? null
    }
  }
  const history: NoteHistoryEntry[] = rows
    .filter((r) => r.private_note !== null || r.public_note !== null)
    .map((r) => ({
      id: r.id,
      facultyId: r.faculty_id,
      faculty: dict(r.fac_pl, r.fac_en),
      termId: r.term_id,
      term: dict(r.term_pl, r.term_en),
      creationDate: r.creation_date,
      privateNote: r.private_note,
      publicNote: r.public_note,
      current: r === current,
      own: r.own === 1
    }))
  return {
    ...scope,
    noteId: current && !current.id.startsWith('local:') ? current.id : null,
    student: user
      ? { firstName: user.first_name, lastName: user.last_name, studentNumber: user.student_number }
      : null,
    private: side('private'),
    public: side('public'),
    pendingSave: pendingSaves.n > 0,
    history
  }
}

/** Keeps what the user typed; typing back the saved text leaves no draft. */
export function saveNoteDraft(
  db: Database.Database,
  scope: NoteScope,
  type: NoteType,
  content: string
): void {
  const saved = studentNotes(db, scope)[type].saved
  if (content === (saved ?? '')) {
    discardNoteDraft(db, scope, type)
    return
  }
  stmt(
    db,
    `INSERT INTO note_drafts (faculty_id, term_id, user_id, note_type, content, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (faculty_id, term_id, user_id, note_type) DO UPDATE SET content = excluded.content,
       updated_at = excluded.updated_at`
  ).run(scope.facultyId, scope.termId, scope.userId, type, content, new Date().toISOString())
}

export function discardNoteDraft(db: Database.Database, scope: NoteScope, type: NoteType): void {
  stmt(
    db,
    'DELETE FROM note_drafts WHERE faculty_id = ? AND term_id = ? AND user_id = ? AND note_type = ?'
  ).run(scope.facultyId, scope.termId, scope.userId, type)
}

/** What get_note answered (or that there is none): written into the mirror's note row. */
export function storeFetchedNote(
  db: Database.Database,
  scope: NoteScope,
  type: NoteType,
  fetched: { id: string; creation_date: string | null; content: string | null } | null
): void {
  const column = type === 'private' ? 'private_note' : 'public_note'
  const own = stmt(
    db,
    'SELECT id FROM notes WHERE faculty_id = ? AND term_id = ? AND user_id = ? AND own = 1'
  ).get(scope.facultyId, scope.termId, scope.userId) as { id: string } | undefined
  if (!fetched) {
    if (own) stmt(db, `UPDATE notes SET ${column} = NULL WHERE id = ?`).run(own.id)
    return
  }
  // get_note answers the user's own note: any other note for the scope is another author's.
  stmt(db, 'UPDATE notes SET own = 0 WHERE faculty_id = ? AND term_id = ? AND user_id = ? AND id <> ?').run(
    scope.facultyId,
    scope.termId,
    scope.userId,
    fetched.id
  )
  if (own && own.id !== fetched.id) stmt(db, 'DELETE FROM notes WHERE id = ?').run(own.id)
  stmt(
    db,
    `INSERT INTO notes (id, faculty_id, term_id, user_id, creation_date, ${column}, own) VALUES (?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT(id) DO UPDATE SET ${column} = excluded.${column}, own = 1,
       creation_date = COALESCE(notes.creation_date, excluded.creation_date)`
  ).run(fetched.id, scope.facultyId, scope.termId, scope.userId, fetched.creation_date, fetched.content)
}

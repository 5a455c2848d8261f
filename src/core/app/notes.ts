/**
 * The notes editor's service: reads a student's notes live from USOS when online (falling back to
 * the mirror), keeps drafts as the user types, and saves or deletes through the outbox so a note
 * written offline is sent later and never lost.
 */
import { AppError } from '../../shared/errors'
import type { ActionResult, NoteType, StudentNotesView } from '../../shared/types'
import { isUsosError } from '../usos/errors'
import {
  discardNoteDraft,
  saveNoteDraft,
  storeFetchedNote,
  studentNotes,
  type NoteScope
} from '../office-hours/notes'
import type { OfficeHours } from './office-hours'

const NOTE_TYPES: readonly NoteType[] = ['private', 'public']

export class NotesService {
  constructor(private readonly officeHours: OfficeHours) {}

  /** The editor's state; `live` asks USOS first (both texts at once) and keeps the mirror on failure. */
  async open(scope: NoteScope, options: { live?: boolean } = {}): Promise<StudentNotesView> {
    const db = this.officeHours.mirror()
    let fetchedLive = false
    if (options.live && !studentNotes(db, scope).pendingSave) {
      try {
        const usos = this.officeHours.caller(this.officeHours.account())
        const answers = await Promise.all(
          NOTE_TYPES.map((type) =>
            usos
              .call<unknown>('services/meetings/get_note', {
                fac_id: scope.facultyId,
                term_id: scope.termId,
                user_id: scope.userId,
                note_type: type,
                fields: 'id|creation_date|content'
              })
              .then(
                (v) => toFetchedNote(v),
                (e: unknown) => {
                  if (isUsosError(e) && e.usosCode === 'object_not_found') return null
                  throw e
                }
              )
          )
        )
        db.transaction(() =>
          NOTE_TYPES.forEach((type, i) => storeFetchedNote(db, scope, type, answers[i]!))
        )()
        fetchedLive = true
      } catch {
        // Offline, or USOS refused: the editor shows the mirror's copy.
      }
    }
    return { ...studentNotes(db, scope), fetchedLive }
  }

  draft(scope: NoteScope, type: NoteType, content: string): StudentNotesView {
    const db = this.officeHours.mirror()
    saveNoteDraft(db, scope, type, content)
    return studentNotes(db, scope)
  }

  discardDraft(scope: NoteScope, type: NoteType): StudentNotesView {
    const db = this.officeHours.mirror()
    discardNoteDraft(db, scope, type)
    return studentNotes(db, scope)
  }

  async save(
    scope: NoteScope,
    type: NoteType,
    content: string
  ): Promise<{ result: ActionResult; notes: StudentNotesView }> {
    if (content.trim() === '')
      throw new AppError(
        'invalid_argument',
        'A note cannot be empty; delete it instead.',
        { field: 'content' },
        { key: 'emptyNote' }
      )
    // The draft stays until the save is recorded, so a failure here loses nothing.
    this.draft(scope, type, content)
    const result = await this.officeHours.write('put_note', {
      fac_id: scope.facultyId,
      term_id: scope.termId,
      user_id: scope.userId,
      note_type: type,
      content
    })
    return { result, notes: studentNotes(this.officeHours.mirror(), scope) }
  }

  async remove(scope: NoteScope, type: NoteType): Promise<{ result: ActionResult; notes: StudentNotesView }> {
    const db = this.officeHours.mirror()
    const view = studentNotes(db, scope)
    if (!view.noteId)
      throw new AppError(
        'conflict',
        'This note has not reached USOS yet; wait for the outbox to send it.',
        undefined,
        { key: 'noteNotSent' }
      )
    discardNoteDraft(db, scope, type)
    const result = await this.officeHours.write('delete_note', { note_id: view.noteId, note_type: type })
    return { result, notes: studentNotes(this.officeHours.mirror(), scope) }
  }
}

function toFetchedNote(v: unknown): { id: string; creation_date: string | null; content: string | null } {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new AppError('usos_error', 'USOS answered a note in an unexpected shape.', { kind: 'bad_response' })
  const o = v as Record<string, unknown>
  const id = typeof o.id === 'number' || typeof o.id === 'string' ? String(o.id) : null
  if (!id) throw new AppError('usos_error', 'USOS answered a note without an id.', { kind: 'bad_response' })
  return {
    id,
    creation_date: typeof o.creation_date === 'string' ? o.creation_date : null,
    content: typeof o.content === 'string' ? o.content : null
  }
}

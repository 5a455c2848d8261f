/**
 * A draft copied to another term: the same rule (frequency, weekday, time, odd/even weeks counted
 * from the new term's first week) over the new term's days, so the holidays and the faculty's free
 * days of that term are skipped anew; the days edited by hand that fall in the new term are kept,
 * the others left out and counted. Saved as a new draft.
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { editsWithin } from '../../shared/draft-days'
import type { Language } from '../../shared/types'
import type { DraftCopyView, DraftInput, DraftView, PlannerTermView } from '../../shared/types-planner'
import { usosDateTime } from '../schedule/timed'
import { getDraft, saveDraft } from './drafts'
import { plannerTerms } from './terms'

const NAME_MAX = 200
const WEEKLY = new Set(['weekly', 'biweekly_odd', 'biweekly_even'])

/** ISO weekday (1 = Monday) of a day. */
const isoWeekDay = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

/** "Dyżur (kopia, semestr letni 2026/27)": the term's name as it reads inside a sentence. */
export function copyName(name: string, term: PlannerTermView, language: Language): string {
  const termName =
    (language === 'pl' ? (term.name.pl ?? term.name.en) : (term.name.en ?? term.name.pl)) ?? term.id
  const inSentence = termName.charAt(0).toLocaleLowerCase(language) + termName.slice(1)
  const suffix = ` (${language === 'pl' ? 'kopia' : 'copy'}, ${inSentence})`
  return name.slice(0, Math.max(1, NAME_MAX - suffix.length)).trimEnd() + suffix
}

/**
 * The first day of a monthly series in the term: the original start's day of the month, in the
 * first month of the term that has it on or after the term's start.
 */
function monthlyStart(originalStart: string, term: PlannerTermView): string {
  const dayOfMonth = Number(originalStart.slice(8, 10))
  const [y, m] = [Number(term.startDate.slice(0, 4)), Number(term.startDate.slice(5, 7))]
  for (let i = 0; i < 13; i++) {
    const d = new Date(Date.UTC(y, m - 1 + i, dayOfMonth))
    if (d.getUTCDate() !== dayOfMonth) continue
    const day = d.toISOString().slice(0, 10)
    if (day >= term.startDate) return day <= term.endDate ? day : term.startDate
  }
  return term.startDate
}

/** The draft's rule over another term (not saved). */
export function draftForTerm(draft: DraftView, term: PlannerTermView, language: Language) {
  const edits = editsWithin(draft, term.startDate, term.endDate)
  const input: DraftInput = {
    name: copyName(draft.name, term, language),
    meetingId: draft.meetingId,
    facultyId: draft.facultyId,
    startDate: draft.frequency === 'monthly' ? monthlyStart(draft.startDate, term) : term.startDate,
    endDate: term.endDate,
    number: draft.number,
    frequency: draft.frequency,
    // "The start date's weekday" would follow the new start: the copy names the weekday it had.
    weekDay: WEEKLY.has(draft.frequency) ? (draft.weekDay ?? isoWeekDay(draft.startDate)) : draft.weekDay,
    startEven: draft.startEven,
    useCalendar: draft.useCalendar,
    startTime: draft.startTime,
    durationMin: draft.durationMin,
    room: draft.room,
    comment: draft.comment,
    addedDays: edits.addedDays,
    removedDays: edits.removedDays
  }
  return { input, droppedAdded: edits.droppedAdded, droppedRemoved: edits.droppedRemoved }
}

/** Copies a saved draft to one of the terms the planner offers (see terms.ts), as a new draft. */
export function copyDraftToTerm(
  db: Database.Database,
  draftId: string,
  termId: string,
  language: Language,
  now: Date
): DraftCopyView {
  const draft = getDraft(db, draftId)
  const term = plannerTerms(db, usosDateTime(now).slice(0, 10)).find((t) => t.id === termId)
  if (!term)
    throw new AppError(
      'invalid_argument',
      `The term ${termId} is not one the planner offers.`,
      { field: 'termId' },
      { key: 'termNotOffered' }
    )
  const { input, droppedAdded, droppedRemoved } = draftForTerm(draft, term, language)
  return { draft: saveDraft(db, input, undefined, now), droppedAdded, droppedRemoved }
}

/**
 * Drafts that meet USOS. USOS's API cannot create meeting dates: the lecturer types a draft's
 * parameters into USOSweb's date generator (the same parameters as services/meetings/
 * generate_meeting_dates), creates the dates there, and the next sync brings them into the mirror.
 * This matches them with the draft: which of its dates USOS now has (same start and end, in the
 * draft's meeting when it names one), which are missing, and what USOS has that overlaps a draft
 * date without being it.
 */
import type Database from 'better-sqlite3'
import type { DraftUsosMatchView, DraftView, UsosWebParametersView } from '../../shared/types-planner'
import { effectiveEdits } from '../../shared/draft-days'
import { calendarAround, draftDates, getDraft, overlaps } from './drafts'

export type DraftUsosMatch = DraftUsosMatchView

export function matchDraftWithUsos(db: Database.Database, draftId: string): DraftUsosMatch {
  const draft = getDraft(db, draftId)
  const { dates } = draftDates(db, draft)
  const result: DraftUsosMatch = {
    draftId,
    total: dates.length,
    inUsos: 0,
    matched: [],
    missing: [],
    clashes: []
  }
  if (dates.length === 0) return result
  const existing = calendarAround(db, dates)
  const taken = new Set<string>()
  for (const date of dates) {
    const same = existing.find(
      (i) =>
        i.kind === 'meeting_date' &&
        !taken.has(i.id) &&
        i.start === date.start &&
        i.end === date.end &&
        (draft.meetingId === null || i.meetingId === draft.meetingId)
    )
    if (same) {
      taken.add(same.id)
      result.matched.push({ draftDate: date, meetingDateId: same.id })
    } else result.missing.push(date)
  }
  result.inUsos = result.matched.length
  for (const date of dates)
    for (const item of existing)
      if (!taken.has(item.id) && overlaps(date, item))
        result.clashes.push({
          draftDate: date,
          with: { kind: item.kind, id: item.id, title: item.title, start: item.start, end: item.end }
        })
  return result
}

/**
 * What to type into USOSweb's date generator: generate_meeting_dates' parameters, and the time;
 * then the days edited by hand on the planner's grid, which the generator cannot make.
 */
export function usosWebParameters(db: Database.Database, draft: DraftView): UsosWebParametersView {
  const { addedDays, removedDays } = effectiveEdits(draftDates(db, draft).generatedDays, draft)
  return {
    start_date: draft.startDate,
    end_date: draft.endDate,
    number: draft.number,
    frequency: draft.frequency,
    week_day: draft.weekDay,
    start_even: draft.startEven,
    use_calendar: draft.useCalendar,
    fac_id: draft.facultyId,
    start_time: draft.startTime,
    duration_min: draft.durationMin,
    add_by_hand: addedDays,
    remove_by_hand: removedDays
  }
}

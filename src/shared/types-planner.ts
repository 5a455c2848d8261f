import type { CalendarItem, LangDict } from './types'

export type Frequency =
  'daily' | 'weekly' | 'week_days' | 'weekends' | 'biweekly_odd' | 'biweekly_even' | 'monthly'

export interface FreeDayView {
  facultyId: string
  day: string
  reason: string
  source: 'manual' | 'ics'
}

/** A planned series of office hours, not yet in USOS. */
export interface DraftInput {
  name: string
  meetingId?: string | null
  facultyId?: string | null
  startDate: string
  endDate: string
  number: number
  frequency: Frequency
  weekDay?: number | null
  startEven?: boolean
  useCalendar?: boolean
  /** HH:MM, wall-clock in the installation's zone. */
  startTime: string
  durationMin: number
  room?: string | null
  comment?: string | null
  /** Days added by hand on the month grid, at the draft's time (see shared/draft-days.ts). */
  addedDays?: string[]
  /** Generated days removed by hand on the month grid. */
  removedDays?: string[]
}

export interface DraftView extends Required<
  Omit<DraftInput, 'meetingId' | 'facultyId' | 'weekDay' | 'room' | 'comment'>
> {
  id: string
  meetingId: string | null
  facultyId: string | null
  weekDay: number | null
  room: string | null
  comment: string | null
  revision: number
  updatedAt: string
}

export interface DraftDate {
  /** Stable per draft and day: `draft:<draft id>:<YYYY-MM-DD>`. */
  id: string
  date: string
  start: string
  end: string
}

export type SkipView =
  { day: string; kind: 'holiday'; name: string } | { day: string; kind: 'free_day'; reason: string }

export interface ClashView {
  draftDate: DraftDate
  /** What it overlaps: a meeting date, an exam group, or another draft's date. */
  with:
    | Pick<CalendarItem, 'kind' | 'id' | 'title' | 'start' | 'end'>
    | { kind: 'draft'; id: string; title: string; start: string; end: string }
}

export interface DraftPreview {
  draft: DraftView
  /** The dates the draft ends with: generated, less the days removed, with the days added. */
  dates: DraftDate[]
  /** The days the rule alone makes (before the edits by hand). */
  generatedDays: string[]
  /** Skipped by the rule (holidays, free days) and not added back by hand. */
  skipped: SkipView[]
  clashes: ClashView[]
  /** Every public holiday and faculty free day in the months the draft spans, for the month grid. */
  daysOff: SkipView[]
}

/** A term a draft may be copied to: one USOS knows (from the mirror) or the next one by the academic year. */
export interface PlannerTermView {
  id: string
  name: LangDict
  startDate: string
  endDate: string
  /** `usos`: the mirror has it from USOS; `assumed`: dates assumed from the academic year (1 Oct - 30 Sep). */
  source: 'usos' | 'assumed'
}

/** A draft copied to another term: the new draft and the edits by hand left out (outside the term). */
export interface DraftCopyView {
  draft: DraftView
  droppedAdded: number
  droppedRemoved: number
}

/** A draft's date in the calendar, beside meeting dates and exam groups. */
export interface DraftCalendarItem extends DraftDate {
  draftId: string
  name: string
  room: string | null
}

/** A saved draft against what USOS has now (see src/core/planner/usos-match.ts). */
export interface DraftUsosMatchView {
  draftId: string
  total: number
  inUsos: number
  matched: Array<{ draftDate: DraftDate; meetingDateId: string }>
  missing: DraftDate[]
  clashes: ClashView[]
}

/** USOSweb's date generator's parameters (those of services/meetings/generate_meeting_dates), and the time. */
export interface UsosWebParametersView {
  start_date: string
  end_date: string
  number: number
  frequency: Frequency
  week_day: number | null
  start_even: boolean
  use_calendar: boolean
  fac_id: string | null
  start_time: string
  duration_min: number
  /** Done by hand in USOSweb after generating: the days added on the planner's grid, and those removed. */
  add_by_hand: string[]
  remove_by_hand: string[]
}

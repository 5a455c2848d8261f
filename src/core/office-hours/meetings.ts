/** The lecturer's meetings (services/meetings/lecturer), listed from the mirror. */
import { compareText } from '../../shared/locale-format'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { LangDict, MeetingListItem, MeetingView } from '../../shared/types'
import { meetingDates } from '../mirror/calendar'
import { stmt } from '../mirror/statements'

interface MeetingRow {
  id: string
  name_pl: string | null
  name_en: string | null
  comment_pl: string | null
  comment_en: string | null
  state: string | null
  open: number | null
  auto_accept: number | null
  substantiation_mode: string | null
  faculty_id: string | null
  f_pl: string | null
  f_en: string | null
  term_id: string | null
  t_pl: string | null
  t_en: string | null
  soonest_datetime: string | null
  next_start: string | null
  dates_count: number
  upcoming_count: number
}

const MEETINGS = `
  SELECT m.id, m.name_pl, m.name_en, m.comment_pl, m.comment_en, m.state, m.open, m.auto_accept,
         m.substantiation_mode, m.faculty_id, f.name_pl AS f_pl, f.name_en AS f_en, m.term_id,
         t.name_pl AS t_pl, t.name_en AS t_en, m.soonest_datetime,
         (SELECT MIN(d.start_time) FROM meeting_dates d WHERE d.meeting_id = m.id AND d.start_time >= @now) AS next_start,
         (SELECT COUNT(*) FROM meeting_dates d WHERE d.meeting_id = m.id) AS dates_count,
         (SELECT COUNT(*) FROM meeting_dates d WHERE d.meeting_id = m.id AND d.start_time >= @now) AS upcoming_count
  FROM meetings m LEFT JOIN faculties f ON f.id = m.faculty_id LEFT JOIN terms t ON t.id = m.term_id`

const GROUPS = `
  SELECT mg.meeting_id, mg.course_unit_id, mg.group_number, g.course_name_pl, g.course_name_en,
         g.class_type_pl, g.class_type_en
  FROM meeting_groups mg LEFT JOIN groups g ON g.course_unit_id = mg.course_unit_id AND g.group_number = mg.group_number
  ORDER BY mg.course_unit_id, mg.group_number`

const dict = (pl: string | null, en: string | null): LangDict | null =>
  pl === null && en === null ? null : { pl, en }
const flag = (v: number | null) => (v === null ? null : v === 1)

function toListItem(r: MeetingRow, groups: MeetingListItem['groups']): MeetingListItem {
  return {
    id: r.id,
    name: { pl: r.name_pl, en: r.name_en },
    state: r.state,
    open: flag(r.open),
    autoAccept: flag(r.auto_accept),
    substantiationMode: r.substantiation_mode,
    facultyId: r.faculty_id,
    faculty: r.faculty_id ? dict(r.f_pl, r.f_en) : null,
    termId: r.term_id,
    term: r.term_id ? dict(r.t_pl, r.t_en) : null,
    groups,
    soonest: r.next_start ?? r.soonest_datetime,
    datesCount: r.dates_count,
    upcomingCount: r.upcoming_count
  }
}

function groupsByMeeting(db: Database.Database): Map<string, MeetingListItem['groups']> {
  const out = new Map<string, MeetingListItem['groups']>()
  for (const g of stmt(db, GROUPS).all() as Array<{
    meeting_id: string
    course_unit_id: string
    group_number: number
    course_name_pl: string | null
    course_name_en: string | null
    class_type_pl: string | null
    class_type_en: string | null
  }>) {
    const list = out.get(g.meeting_id) ?? []
    list.push({
      courseUnitId: g.course_unit_id,
      groupNumber: g.group_number,
      courseName: dict(g.course_name_pl, g.course_name_en),
      classType: dict(g.class_type_pl, g.class_type_en)
    })
    out.set(g.meeting_id, list)
  }
  return out
}

/**
 * The meetings, those with dates to come first (soonest first), then the rest by name. `now` is
 * the installation's local datetime ("YYYY-MM-DD HH:MM:SS").
 */
export function listMeetings(db: Database.Database, now: string): MeetingListItem[] {
  const groups = groupsByMeeting(db)
  return (stmt(db, MEETINGS).all({ now }) as MeetingRow[])
    .map((r) => toListItem(r, groups.get(r.id) ?? []))
    .sort((a, b) => {
      const ua = a.upcomingCount > 0
      const ub = b.upcomingCount > 0
      if (ua !== ub) return ua ? -1 : 1
      if (ua && a.soonest !== b.soonest) return (a.soonest ?? '') < (b.soonest ?? '') ? -1 : 1
      return compareText(a.name.pl ?? a.name.en ?? a.id, b.name.pl ?? b.name.en ?? b.id)
    })
}

export function meetingView(db: Database.Database, meetingId: string, now: string): MeetingView {
  const row = stmt(db, `${MEETINGS} WHERE m.id = @id`).get({ now, id: meetingId }) as MeetingRow | undefined
  if (!row)
    throw new AppError(
      'not_found',
      'This meeting is not in the local data (it may have been deleted in USOS).',
      undefined,
      { key: 'meetingGone' }
    )
  return {
    ...toListItem(row, groupsByMeeting(db).get(meetingId) ?? []),
    comment: { pl: row.comment_pl, en: row.comment_en },
    dates: meetingDates(db, meetingId)
  }
}

/**
 * The terms a draft may be planned for or copied to. USOS's terms come into the mirror with the
 * meetings (their `term`), so the mirror knows the terms the lecturer has meetings in, usually the
 * current one only. The next ones are assumed from the academic year, which by law runs from
 * 1 October to 30 September (Prawo o szkolnictwie wyższym i nauce, art. 66): the winter semester
 * from 1 October, the summer semester to 30 September, the two meeting where a term USOS gave ends
 * (or starts), else on 1 March. An assumed term says so; one USOS has wins over it.
 */
import type Database from 'better-sqlite3'
import { UTCDate } from '@date-fns/utc'
import { addDays } from 'date-fns'
import type { PlannerTermView } from '../../shared/types-planner'
import { stmt } from '../mirror/statements'

/** Longer than this a term is not a semester (a whole academic year): it does not place the semesters. */
const SEMESTER_MAX_DAYS = 250

const dayAfter = (day: string, n = 1) =>
  addDays(new UTCDate(`${day}T00:00:00Z`), n)
    .toISOString()
    .slice(0, 10)
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000)

/** The academic year (its first calendar year) a day falls in. */
const academicYear = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) >= 10 ? 0 : 1)
const yearName = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`

/**
 * The summer semester's first day (MM-DD) as the latest semester USOS gave places it: the day after
 * a winter semester ends, or a summer semester's start; 1 March without one.
 */
function summerStart(known: readonly PlannerTermView[]): string {
  for (const t of [...known].reverse()) {
    if (daysBetween(t.startDate, t.endDate) > SEMESTER_MAX_DAYS) continue
    // A semester starting from August on is a winter one.
    return Number(t.startDate.slice(5, 7)) >= 8 ? dayAfter(t.endDate).slice(5) : t.startDate.slice(5)
  }
  return '03-01'
}

function assumed(y: number, kind: 'winter' | 'summer', boundary: string): PlannerTermView {
  // Date.UTC carries a day the month lacks over: 02-29 in a common year is 03-01.
  const summerDay = new Date(Date.UTC(y + 1, Number(boundary.slice(0, 2)) - 1, Number(boundary.slice(3))))
    .toISOString()
    .slice(0, 10)
  return kind === 'winter'
    ? {
        id: `assumed:${yearName(y)}-Z`,
        name: { pl: `Semestr zimowy ${yearName(y)}`, en: `Winter semester ${yearName(y)}` },
        startDate: `${y}-10-01`,
        endDate: dayAfter(summerDay, -1),
        source: 'assumed'
      }
    : {
        id: `assumed:${yearName(y)}-L`,
        name: { pl: `Semestr letni ${yearName(y)}`, en: `Summer semester ${yearName(y)}` },
        startDate: summerDay,
        endDate: `${y + 1}-09-30`,
        source: 'assumed'
      }
}

/**
 * The terms not yet over on `today` (YYYY-MM-DD): those the mirror has from USOS, and the semesters
 * of this academic year and the next that it does not have, assumed; in order of their start.
 */
export function plannerTerms(db: Database.Database, today: string): PlannerTermView[] {
  const rows = stmt(
    db,
    `SELECT id, name_pl, name_en, start_date, end_date FROM terms
     WHERE start_date IS NOT NULL AND end_date IS NOT NULL AND start_date <= end_date
     ORDER BY start_date, id`
  ).all() as Array<{
    id: string
    name_pl: string | null
    name_en: string | null
    start_date: string
    end_date: string
  }>
  const known: PlannerTermView[] = rows.map((r) => ({
    id: r.id,
    name: { pl: r.name_pl, en: r.name_en },
    startDate: r.start_date.slice(0, 10),
    endDate: r.end_date.slice(0, 10),
    source: 'usos'
  }))
  const boundary = summerStart(known)
  const semesters = known.filter((t) => daysBetween(t.startDate, t.endDate) <= SEMESTER_MAX_DAYS)
  const year = academicYear(today)
  const more: PlannerTermView[] = []
  for (const y of [year, year + 1])
    for (const kind of ['winter', 'summer'] as const) {
      const term = assumed(y, kind, boundary)
      const middle = dayAfter(term.startDate, Math.floor(daysBetween(term.startDate, term.endDate) / 2))
      if (!semesters.some((t) => t.startDate <= middle && middle <= t.endDate)) more.push(term)
    }
  return [...known, ...more]
    .filter((t) => t.endDate >= today)
    .sort((a, b) =>
      a.startDate !== b.startDate
        ? a.startDate < b.startDate
          ? -1
          : 1
        : a.source === b.source
          ? 0
          : a.source === 'usos'
            ? -1
            : 1
    )
}

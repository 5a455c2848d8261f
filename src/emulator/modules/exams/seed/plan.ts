/**
 * Which examination sessions the demo installation has, per scale: faculties x terms x kinds of
 * session, each with the status a real faculty would have given it on the reference date.
 */
import type Database from 'better-sqlite3'
import type { Scale, SeedWorld } from '../../../framework/types'
import type { SessionKind } from './texts'

export type Timing = 'past' | 'current' | 'future'

export interface PlannedTerm {
  id: string
  start_date: string
  end_date: string
  timing: Timing
}
export interface PlannedFaculty {
  id: string
  name_pl: string
  name_en: string
  /** The faculty whose courses its sessions examine (an institute's parent). */
  courseFaculty: string
}
export interface PlannedSession {
  faculty: PlannedFaculty
  facultyIndex: number
  term: PlannedTerm
  kind: SessionKind
  status: string
  /** Range of the first exam days, in days from the anchor (reference date or term end). */
  anchor: string
  days: [number, number]
}

interface ScaleConfig {
  timings: Timing[]
  kinds: SessionKind[]
  /** Institutes get their own sessions too. */
  institutes: boolean
  examsPerSession: number
}

export const SCALES: Record<Scale, ScaleConfig> = {
  small: {
    timings: ['current', 'past'],
    kinds: ['early', 'main', 'resit'],
    institutes: false,
    examsPerSession: 2
  },
  medium: {
    timings: ['current', 'past', 'future'],
    kinds: ['early', 'main', 'parttime', 'resit'],
    institutes: false,
    examsPerSession: 3
  },
  large: {
    timings: ['current', 'past', 'future'],
    kinds: ['early', 'main', 'parttime', 'resit', 'parttime_resit'],
    institutes: true,
    examsPerSession: 4
  }
}

function statusOf(timing: Timing, kind: SessionKind, facultyIndex: number): string {
  if (timing === 'future') return 'in_preparation'
  const resit = kind === 'resit' || kind === 'parttime_resit'
  if (timing === 'past') return resit ? 'closed' : 'archived'
  if (resit) return 'in_preparation'
  if (kind === 'parttime') return 'active_reg_only'
  // One faculty runs its main session in registration-only mode, for variety.
  return kind === 'main' && facultyIndex === 3 ? 'active_reg_only' : 'active'
}

/** First exam days: around the reference date in the current term, around the term's end otherwise. */
const CURRENT_DAYS: Record<SessionKind, [number, number]> = {
  early: [-6, 12],
  main: [-4, 35],
  parttime: [2, 40],
  resit: [45, 75],
  parttime_resit: [50, 80]
}
const OTHER_DAYS: Record<SessionKind, [number, number]> = {
  early: [-25, -15],
  main: [-10, 10],
  parttime: [-8, 12],
  resit: [14, 28],
  parttime_resit: [16, 30]
}

export function planSessions(db: Database.Database, world: SeedWorld): PlannedSession[] {
  const config = SCALES[world.scale]
  const termRows = db
    .prepare(`SELECT id, start_date, end_date FROM terms WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(world.terms)) as Array<{ id: string; start_date: string; end_date: string }>
  const terms: PlannedTerm[] = world.terms.flatMap((id) => {
    const t = termRows.find((r) => r.id === id)
    if (!t) return []
    const timing: Timing =
      id === world.currentTerm.id ? 'current' : t.end_date < world.referenceDate ? 'past' : 'future'
    return [{ ...t, timing }]
  })
  const root = world.faculties[0]
  const facRows = db
    .prepare('SELECT id, name_pl, name_en, parent_id FROM faculties ORDER BY rowid')
    .all() as Array<{
    id: string
    name_pl: string
    name_en: string
    parent_id: string | null
  }>
  const faculties: PlannedFaculty[] = facRows
    .filter((f) => f.id !== root && (config.institutes || f.parent_id === root))
    .map((f) => ({ ...f, courseFaculty: f.parent_id === root || f.parent_id === null ? f.id : f.parent_id }))

  const out: PlannedSession[] = []
  for (const timing of config.timings) {
    const term = terms.find((t) => t.timing === timing)
    if (!term) continue
    for (const [facultyIndex, faculty] of faculties.entries()) {
      for (const kind of config.kinds) {
        out.push({
          faculty,
          facultyIndex,
          term,
          kind,
          status: statusOf(timing, kind, facultyIndex),
          anchor: timing === 'current' ? world.referenceDate : term.end_date,
          days: (timing === 'current' ? CURRENT_DAYS : OTHER_DAYS)[kind]
        })
      }
    }
  }
  return out
}

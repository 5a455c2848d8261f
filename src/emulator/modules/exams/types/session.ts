import { stmt } from '../../../support/statements'
import type { ObjectType } from '../../../framework/types'
import { examsOfSession, sessionById, type SessionRow } from '../rows'
import type { ExamEntity } from './exam'

/**
 * A session as rendered. `only` narrows its exams (and their groups) to those of one person: the
 * `user` method shows "exams assigned to user", all groups for a coordinator, their own otherwise.
 */
export interface SessionEntity extends SessionRow {
  only?: ReadonlyMap<number, ReadonlySet<number> | 'all'>
}

export const sessionType: ObjectType<SessionEntity> = {
  name: 'exams/examination_session',
  primary: ['id', 'status', 'exams', 'faculty'],
  fields: {
    id: { get: (s) => s.id },
    name: { get: (s) => ({ pl: s.name_pl, en: s.name_en }) },
    description: { get: (s) => ({ pl: s.description_pl, en: s.description_en }) },
    status: { get: (s) => s.status },
    exams: {
      ref: 'exams/exam',
      get: (s, ctx): ExamEntity[] => {
        const exams = examsOfSession(ctx.db, s.id)
        const only = s.only
        if (!only) return exams
        return exams.flatMap((e) => {
          const groups = only.get(e.id)
          if (groups === undefined) return []
          return [groups === 'all' ? e : { ...e, onlyGroups: groups }]
        })
      }
    },
    // A plain dictionary on the page ("containing fields: id, name"), not a reference.
    faculty: {
      get: (s, ctx) => {
        const f = stmt(ctx.db, 'SELECT id, name_pl, name_en FROM faculties WHERE id = ?').get(s.fac_id) as
          { id: string; name_pl: string; name_en: string } | undefined
        return f ? { id: f.id, name: { pl: f.name_pl, en: f.name_en } } : null
      }
    }
  },
  load: (id, ctx) => sessionById(ctx.db, id)
}

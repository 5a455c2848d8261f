import { stmt } from '../../../support/statements'
import { UsosApiError, type CallContext, type ObjectType } from '../../../framework/types'
import { attendeeRefusal, examinersVisible, isExaminerOfGroup, slotAttendeesVisible } from '../access'
import { attendeesOf, examById, groupOf, slotTaken, type GroupRow } from '../rows'
import { slotCapacity, slotsOf, slotTimes, type SlotRef } from '../slots'

/** A group's id in references: `<exam_id>:<number>`. */
const groupLoad = (id: string | number, ctx: CallContext) => {
  const [exam, number] = String(id).split(':')
  return groupOf(ctx.db, Number(exam), Number(number))
}

/** The object of the `group` method, which the exam's `groups` field references. */
export const groupType: ObjectType<GroupRow> = {
  name: 'exams/group',
  primary: [
    'exam_id',
    'number',
    'exam_start',
    'exam_end',
    'capacity',
    'number_of_slots',
    'slots',
    'examiners'
  ],
  fields: {
    exam_id: { get: (g) => g.exam_id },
    number: { get: (g) => g.number },
    exam_start: { get: (g) => g.exam_start },
    exam_end: { get: (g) => g.exam_end },
    capacity: { get: (g) => g.capacity },
    number_of_slots: { get: (g) => g.number_of_slots },
    slots: { ref: 'exams/slot', get: (g) => slotsOf(g) },
    examiners: {
      ref: 'users/user',
      get: (g, ctx) => {
        const exam = examById(ctx.db, g.exam_id)
        if (!exam || !examinersVisible(ctx, exam)) return null
        return (
          stmt(
            ctx.db,
            'SELECT user_id FROM exams_examiners WHERE exam_id = ? AND group_number = ? ORDER BY CAST(user_id AS INTEGER)'
          ).all(g.exam_id, g.number) as Array<{ user_id: string }>
        ).map((r) => r.user_id)
      }
    },
    room: { ref: 'geo/room', get: (g) => g.room_id },
    is_examiner: {
      get: (g, ctx) => Boolean(ctx.user && isExaminerOfGroup(ctx, g.exam_id, g.number, ctx.user.id))
    },
    register_until: { get: (g) => g.register_until },
    unregister_until: { get: (g) => g.unregister_until },
    registration_start: { get: (g) => g.registration_start }
  },
  load: groupLoad
}

/** The object of the `exam_group` method: fewer fields, and the group's attendees. */
export const examGroupType: ObjectType<GroupRow> = {
  name: 'exams/exam_group',
  primary: ['exam_id', 'number', 'exam_start', 'exam_end'],
  fields: {
    exam_id: { get: (g) => g.exam_id },
    number: { get: (g) => g.number },
    exam_start: { get: (g) => g.exam_start },
    exam_end: { get: (g) => g.exam_end },
    attendees: {
      ref: 'users/user2',
      get: (g, ctx) => {
        const reason = attendeeRefusal(ctx, g)
        if (reason) throw attendeesForbidden(reason)
        return attendeesOf(ctx.db, g.exam_id, g.number)
      }
    }
  },
  load: groupLoad
}

export function attendeesForbidden(reason: 'examiner_only' | 'coordinator_only'): UsosApiError {
  return new UsosApiError(
    403,
    'object_forbidden',
    reason === 'coordinator_only'
      ? 'Only the coordinator has access to all exam attendees.'
      : 'Only an examiner or the coordinator has access to the attendees.',
    { reason: reason }
  )
}

export const slotType: ObjectType<SlotRef> = {
  name: 'exams/slot',
  primary: ['number', 'capacity', 'attendees_count', 'attendees'],
  fields: {
    number: { get: (s) => s.number },
    capacity: { get: (s) => slotCapacity(s.group.capacity, s.group.number_of_slots, s.number) },
    attendees_count: { get: (s, ctx) => slotTaken(ctx.db, s.group.exam_id, s.group.number, s.number) },
    attendees: {
      get: (s, ctx) =>
        slotAttendeesVisible(ctx, s.group)
          ? attendeesOf(ctx.db, s.group.exam_id, s.group.number, s.number)
          : null
    },
    start: { get: (s) => slotTimes(s.group, s.number).start },
    end: { get: (s) => slotTimes(s.group, s.number).end }
  }
}

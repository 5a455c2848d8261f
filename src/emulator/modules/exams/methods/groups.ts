/** Exam groups and their slots. */
import type { MethodDef } from '../../../framework/types'
import { attendeeRefusal } from '../access'
import { EXAM_GROUP_DEFAULT, GROUP_DEFAULT, SLOT_DEFAULT } from '../render'
import { hasSlot } from '../slots'
import { attendeesForbidden } from '../types/group'
import { examOf, groupOfExam, notFound } from './common'

export const groupMethods: MethodDef[] = [
  {
    name: 'exams/group',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const examId = ctx.params.requiredInt('exam_id')
      const number = ctx.params.requiredInt('group_number')
      const selector = ctx.fields('exams/group', GROUP_DEFAULT)
      const group = groupOfExam(ctx, examOf(ctx, examId), number)
      // Slot attendees go to trusted keys only (null for others, as on the slot page). A trusted
      // key that names them explicitly on behalf of someone who is not an examiner is refused,
      // with the reasons this page lists.
      if (ctx.consumer.administrative && ctx.user && selector.get('slots')?.has('attendees')) {
        const reason = attendeeRefusal(ctx, group)
        if (reason) throw attendeesForbidden(reason)
      }
      return ctx.select('exams/group', group, selector)
    }
  },
  {
    name: 'exams/exam_group',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const examId = ctx.params.requiredInt('exam_id')
      const number = ctx.params.requiredInt('group_number')
      const selector = ctx.fields('exams/exam_group', EXAM_GROUP_DEFAULT)
      const group = groupOfExam(ctx, examOf(ctx, examId), number)
      // The attendees field itself refuses with object_forbidden (examiner_only / coordinator_only).
      return ctx.select('exams/exam_group', group, selector)
    }
  },
  {
    name: 'exams/slot',
    auth: 'token_optional',
    anonymous: true,
    handler: (ctx) => {
      const examId = ctx.params.requiredInt('exam_id')
      const number = ctx.params.requiredInt('group_number')
      const slot = ctx.params.requiredInt('slot_number')
      const selector = ctx.fields('exams/slot', SLOT_DEFAULT)
      const group = groupOfExam(ctx, examOf(ctx, examId), number)
      if (!hasSlot(group, slot)) throw notFound('slot_number', `Slot ${slot} of group ${number}`)
      return ctx.select('exams/slot', { group, number: slot }, selector)
    }
  }
]

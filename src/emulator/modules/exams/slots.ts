/**
 * A group's slots: its places are spread evenly over them (the first slots take the remainder) and
 * its time is cut into equal consecutive parts, one per slot.
 */
import { fromUsosDateTime, usosDateTime } from '../../framework/time'
import type { GroupRow } from './rows'

export interface SlotRef {
  group: GroupRow
  number: number
}

export function slotCapacity(capacity: number, slots: number, slot: number): number {
  return Math.floor(capacity / slots) + (slot <= capacity % slots ? 1 : 0)
}

export function slotTimes(g: GroupRow, slot: number): { start: string; end: string } {
  const start = fromUsosDateTime(g.exam_start).getTime()
  const length = (fromUsosDateTime(g.exam_end).getTime() - start) / g.number_of_slots
  // Whole minutes, as an examiner would announce them.
  const edge = (i: number) => usosDateTime(start + Math.round((length * i) / 60_000) * 60_000)
  return { start: edge(slot - 1), end: edge(slot) }
}

export const slotsOf = (g: GroupRow): SlotRef[] =>
  Array.from({ length: g.number_of_slots }, (_, i) => ({ group: g, number: i + 1 }))

export const hasSlot = (g: GroupRow, slot: number) =>
  Number.isInteger(slot) && slot >= 1 && slot <= g.number_of_slots

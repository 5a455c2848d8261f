/**
 * An exam's groups: how many, when, where, how many places and slots; and who already holds a
 * place on the reference date (within every slot's capacity).
 */
import type { Rng } from '../../../framework/types'
import { addDays, at } from '../dates'
import { slotCapacity } from '../slots'
import type { ExamKind } from './texts'

export interface PlannedGroup {
  number: number
  start: string
  end: string
  capacity: number
  slots: number
  roomId: number
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`

export function planGroups(
  rng: Rng,
  kind: ExamKind,
  firstDay: string,
  students: number,
  rooms: ReadonlyArray<{ id: number; capacity: number }>,
  maxGroups: number
): PlannedGroup[] {
  // Room for everyone plus a margin, as an office plans it.
  const seats = Math.max(4, Math.ceil(students * 1.2))
  const count = Math.min(maxGroups, Math.max(1, Math.ceil(seats / (kind.oral ? 12 : 40))))
  const groups: PlannedGroup[] = []
  for (let i = 0; i < count; i++) {
    if (kind.oral) {
      // A day per group, slots of 30 minutes from 9:00, two to four students each.
      const slots = rng.int(3, 6)
      const perSlot = Math.max(2, Math.ceil(seats / count / slots))
      const small = rooms.filter((r) => r.capacity <= 30)
      groups.push({
        number: i + 1,
        start: at(addDays(firstDay, i), clock(9 * 60)),
        end: at(addDays(firstDay, i), clock(9 * 60 + slots * 30)),
        capacity: perSlot * slots,
        slots,
        roomId: rng.pick(small.length ? small : rooms).id
      })
    } else {
      // Two sittings a day (9:00 and 13:00), two hours each; some split into two one-hour slots.
      const capacity = Math.max(4, Math.ceil(seats / count))
      const day = addDays(firstDay, Math.floor(i / 2))
      const from = i % 2 === 0 ? 9 * 60 : 13 * 60
      const fitting = rooms.filter((r) => r.capacity >= capacity).sort((a, b) => a.capacity - b.capacity)
      const biggest = [...rooms].sort((a, b) => b.capacity - a.capacity)[0]
      const room = fitting.length ? rng.pick(fitting.slice(0, 3)) : biggest
      groups.push({
        number: i + 1,
        start: at(day, clock(from)),
        end: at(day, clock(from + 120)),
        capacity,
        slots: rng.bool(0.2) ? 2 : 1,
        roomId: room ? room.id : 0
      })
    }
  }
  return groups
}

/** Places for the first `share` of the students, spread round-robin over every slot with room. */
export function assignPlaces(
  groups: PlannedGroup[],
  students: string[],
  share: number
): Array<{ group: number; slot: number; user: string }> {
  const slots = groups.flatMap((g) =>
    Array.from({ length: g.slots }, (_, i) => ({
      group: g.number,
      slot: i + 1,
      free: slotCapacity(g.capacity, g.slots, i + 1)
    }))
  )
  const out: Array<{ group: number; slot: number; user: string }> = []
  let next = 0
  for (const user of students.slice(0, Math.floor(students.length * share))) {
    for (let tries = 0; tries < slots.length; tries++) {
      const s = slots[(next + tries) % slots.length]
      if (s && s.free > 0) {
        s.free--
        out.push({ group: s.group, slot: s.slot, user })
        next = (next + tries + 1) % slots.length
        break
      }
    }
  }
  return out
}

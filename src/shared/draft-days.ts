/**
 * A planner draft's dates edited by hand: days added at the draft's time and generated days
 * removed, kept apart from the rule. The dates a draft ends with are the generated ones not
 * removed, and the added ones. An edit that does nothing under the rule of the moment (an added day
 * the rule also makes, a removed day the rule no longer makes) is kept all the same, so it holds
 * again when the rule changes back. One set of rules for the core (preview, exports, the USOS
 * match, the copy to another term) and the window's month grid.
 */

export interface DayEdits {
  addedDays: readonly string[]
  removedDays: readonly string[]
}

const sorted = (days: Iterable<string>): string[] => [...new Set(days)].sort()

/** The edits once each, in order; a day both added and removed counts as added. */
export function normalizeEdits(edits: Partial<DayEdits>): { addedDays: string[]; removedDays: string[] } {
  const addedDays = sorted(edits.addedDays ?? [])
  const added = new Set(addedDays)
  return { addedDays, removedDays: sorted((edits.removedDays ?? []).filter((d) => !added.has(d))) }
}

/** The draft's days: the generated ones not removed, and the added ones, in order, each once. */
export function editedDays(generated: readonly string[], edits: DayEdits): string[] {
  const removed = new Set(edits.removedDays)
  return sorted([...generated.filter((d) => !removed.has(d)), ...edits.addedDays])
}

/** The edits that change the dates under the rule of the moment (what USOSweb needs done by hand). */
export function effectiveEdits(
  generated: readonly string[],
  edits: DayEdits
): { addedDays: string[]; removedDays: string[] } {
  const made = new Set(generated)
  const { addedDays, removedDays } = normalizeEdits(edits)
  return {
    addedDays: addedDays.filter((d) => !made.has(d)),
    removedDays: removedDays.filter((d) => made.has(d))
  }
}

/** Whether a day is among the draft's dates. */
export function hasDay(generated: readonly string[], edits: DayEdits, day: string): boolean {
  return edits.addedDays.includes(day) || (generated.includes(day) && !edits.removedDays.includes(day))
}

/**
 * A click on a day of the month grid: a day among the draft's dates is removed (an added one is
 * forgotten, a generated one excluded), any other day is added (an excluded one let back, or a new
 * one added: a holiday the rule skipped too, deliberately).
 */
export function toggleDay(
  generated: readonly string[],
  edits: DayEdits,
  day: string
): { addedDays: string[]; removedDays: string[] } {
  const made = generated.includes(day)
  const added = new Set(edits.addedDays)
  const removed = new Set(edits.removedDays)
  if (hasDay(generated, edits, day)) {
    added.delete(day)
    if (made) removed.add(day)
  } else {
    removed.delete(day)
    if (!made) added.add(day)
  }
  return normalizeEdits({ addedDays: [...added], removedDays: [...removed] })
}

/** The edits that fall within [from, to] (a new term), and how many of each were left out. */
export function editsWithin(
  edits: DayEdits,
  from: string,
  to: string
): { addedDays: string[]; removedDays: string[]; droppedAdded: number; droppedRemoved: number } {
  const inside = (d: string) => d >= from && d <= to
  const { addedDays, removedDays } = normalizeEdits(edits)
  return {
    addedDays: addedDays.filter(inside),
    removedDays: removedDays.filter(inside),
    droppedAdded: addedDays.filter((d) => !inside(d)).length,
    droppedRemoved: removedDays.filter((d) => !inside(d)).length
  }
}

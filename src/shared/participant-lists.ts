/**
 * The lists of a meeting date and the columns a lecturer may choose for a printed or saved list:
 * one set of names for the core's renderers, the API's validation, the CLI and the window.
 */
export const LIST_NAMES = ['main', 'reserve', 'rejected'] as const
export type ParticipantListName = (typeof LIST_NAMES)[number]

export const COLUMN_NAMES = [
  'place',
  'name',
  'student_number',
  'email',
  'status',
  'substantiation',
  'message',
  'notes',
  'attendance',
  'signature'
] as const
export type ListColumnName = (typeof COLUMN_NAMES)[number]

/** What a list holds when nothing is chosen (as the printed list always had). */
export const DEFAULT_LISTS: readonly ParticipantListName[] = ['main', 'reserve']
export const DEFAULT_COLUMNS: readonly ListColumnName[] = [
  'place',
  'name',
  'student_number',
  'status',
  'substantiation',
  'signature'
]

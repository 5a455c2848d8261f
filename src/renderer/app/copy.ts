/**
 * Selects a text field's content and copies it as the user's own gesture, so no clipboard
 * permission is needed (the desktop shell grants none). False when the copy was refused: the text
 * then stays selected for Ctrl+C.
 */
export function copyField(field: HTMLTextAreaElement | null): boolean {
  if (!field) return false
  field.select()
  return document.execCommand('copy')
}

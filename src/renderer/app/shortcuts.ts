/** Inputs that take no typed text: a letter pressed on them is a shortcut, not a character. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset'])

/**
 * Whether a key press is a single-key shortcut for the page: not while typing in a field, and not
 * with a modifier (those belong to the browser, the system, or Ctrl+R's sync). A person ticked
 * with Space on their checkbox is accepted with A from there.
 */
export function isPlainShortcut(e: KeyboardEvent): boolean {
  const t = e.target
  if (t instanceof HTMLInputElement && !NOT_TYPED.has(t.type)) return false
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return false
  if (t instanceof HTMLElement && t.isContentEditable) return false
  return !(e.altKey || e.ctrlKey || e.metaKey)
}

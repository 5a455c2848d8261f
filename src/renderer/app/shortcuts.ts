/**
 * Whether a key press is a single-key shortcut for the page: not while typing in a field, and not
 * with a modifier (those belong to the browser, the system, or Ctrl+R's sync).
 */
export function isPlainShortcut(e: KeyboardEvent): boolean {
  const t = e.target
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)
    return false
  return !(e.altKey || e.ctrlKey || e.metaKey)
}

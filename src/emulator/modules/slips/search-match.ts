/** Query matching and the HTML `match` field of search_templates. */
import type { TemplateRow } from './repo'

export function queryWords(query: string): string[] {
  return query
    .toLocaleLowerCase('pl')
    .split(/\s+/)
    .filter((w) => w !== '')
}

/** Every word must occur in the name (case-insensitive), or the query is the template's id. */
export function templateMatches(tpl: TemplateRow, query: string): boolean {
  const words = queryWords(query)
  if (words.length === 0) return true
  if (query.trim() === String(tpl.id)) return true
  const name = tpl.name.toLocaleLowerCase('pl')
  return words.every((w) => name.includes(w))
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The name with matched fragments in <b>; an id hit is shown as the template's code. */
export function highlightMatch(tpl: TemplateRow, query: string): string {
  const words = queryWords(query)
  const lower = tpl.name.toLocaleLowerCase('pl')
  const marked = new Array<boolean>(tpl.name.length).fill(false)
  for (const w of words) {
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
      for (let k = i; k < i + w.length && k < marked.length; k++) marked[k] = true
    }
  }
  let html = ''
  let open = false
  for (let i = 0; i < tpl.name.length; i++) {
    if (marked[i] && !open) html += '<b>'
    if (!marked[i] && open) html += '</b>'
    open = marked[i] ?? false
    html += escapeHtml(tpl.name[i] ?? '')
  }
  if (open) html += '</b>'
  if (query.trim() === String(tpl.id)) html += ` [<b>${tpl.id}</b>]`
  return html
}

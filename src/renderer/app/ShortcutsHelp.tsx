import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** Every keyboard shortcut, by screen; opened with "?". */
export const SHORTCUTS: Array<{ group: string; keys: Array<[string, string]> }> = [
  {
    group: 'everywhere',
    keys: [
      ['Ctrl+R', 'sync'],
      ['Ctrl+Shift+R', 'fullSync'],
      ['Alt+1…9', 'sections'],
      ['?', 'help']
    ]
  },
  {
    group: 'calendar',
    keys: [
      ['W / M / A', 'views'],
      ['T', 'today'],
      ['N / P', 'nextPrevious'],
      ['G', 'jump'],
      ['Enter', 'openDate']
    ]
  },
  {
    group: 'date',
    keys: [
      ['A', 'accept'],
      ['R', 'reject'],
      ['P', 'present'],
      ['B', 'absent'],
      ['S', 'late'],
      ['N', 'notes'],
      ['Esc', 'back']
    ]
  },
  {
    group: 'notes',
    keys: [
      ['Ctrl+Enter', 'saveNote'],
      ['Esc', 'close']
    ]
  }
]

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    closeRef.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault()
        onClose()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading" className="panel shortcuts-help">
      <h2 id="shortcuts-heading">{t('shortcuts.heading')}</h2>
      {SHORTCUTS.map((g) => (
        <table key={g.group}>
          <caption>{t(`shortcuts.groups.${g.group}`)}</caption>
          <tbody>
            {g.keys.map(([keys, what]) => (
              <tr key={keys + what}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{t(`shortcuts.what.${what}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <button type="button" ref={closeRef} onClick={onClose}>
        {t('notes.close')}
      </button>
    </div>
  )
}

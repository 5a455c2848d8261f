import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/types'
import { api } from '../../app/api'
import { download } from '../../app/download'
import { errorText } from '../../app/error-text'
import {
  COLUMN_NAMES,
  DEFAULT_COLUMNS,
  DEFAULT_LISTS,
  LIST_NAMES,
  type ListColumnName,
  type ParticipantListName
} from '../../../shared/participant-lists'

interface Choice {
  lists: ParticipantListName[]
  columns: ListColumnName[]
}
const DEFAULT: Choice = { lists: [...DEFAULT_LISTS], columns: [...DEFAULT_COLUMNS] }

/** The choice is remembered per meeting, on this computer. */
const storageKey = (meetingId: string) => `office-hours:list-choice:${meetingId}`
function remembered(meetingId: string): Choice {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(meetingId)) ?? 'null') as Partial<Choice> | null
    const lists = (raw?.lists ?? []).filter((l): l is ParticipantListName =>
      (LIST_NAMES as readonly string[]).includes(l)
    )
    const columns = (raw?.columns ?? []).filter((c): c is ListColumnName =>
      (COLUMN_NAMES as readonly string[]).includes(c)
    )
    return lists.length && columns.length ? { lists, columns } : DEFAULT
  } catch {
    return DEFAULT
  }
}

/** Print or save the lists and the columns the lecturer picks (PDF through print, CSV, XLSX). */
export function ListChooser({
  meetingDateId,
  meetingId,
  language
}: {
  meetingDateId: string
  meetingId: string
  language: Language
}) {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<Choice>(() => remembered(meetingId))
  const [status, setStatus] = useState('')
  const toggle = <K extends keyof Choice>(
    key: K,
    value: Choice[K][number],
    order: readonly Choice[K][number][]
  ) =>
    setChoice((prev) => {
      const has = (prev[key] as string[]).includes(value)
      const next = order.filter((x) => (x === value ? !has : (prev[key] as string[]).includes(x)))
      const updated = { ...prev, [key]: next }
      localStorage.setItem(storageKey(meetingId), JSON.stringify(updated))
      return updated
    })
  const empty = choice.lists.length === 0 || choice.columns.length === 0
  const run = async (what: () => Promise<void>) => {
    setStatus('')
    try {
      await what()
    } catch (e) {
      setStatus(t('app.error', { message: errorText(e) }))
    }
  }
  const save = (format: 'csv' | 'xlsx') =>
    run(async () => {
      const f = await api.exportParticipants({ meetingDateId, format, language, ...choice })
      download(f.fileName, f.text, f.mimeType, f.base64)
    })
  return (
    <details className="panel list-chooser">
      <summary>{t('lists.heading')}</summary>
      <fieldset className="inline">
        <legend>{t('lists.lists')}</legend>
        {LIST_NAMES.map((l) => (
          <label key={l} className="inline">
            <input
              type="checkbox"
              checked={choice.lists.includes(l)}
              onChange={() => toggle('lists', l, LIST_NAMES)}
            />{' '}
            {t(`contacts.list.${l}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="inline">
        <legend>{t('lists.columns')}</legend>
        {COLUMN_NAMES.map((c) => (
          <label key={c} className="inline">
            <input
              type="checkbox"
              checked={choice.columns.includes(c)}
              onChange={() => toggle('columns', c, COLUMN_NAMES)}
            />{' '}
            {t(`lists.column.${c}`)}
          </label>
        ))}
      </fieldset>
      <div className="toolbar">
        <button
          type="button"
          disabled={empty}
          onClick={() =>
            void run(async () => {
              const r = await api.printParticipants({ meetingDateId, language, ...choice })
              if (!r.printed && r.html)
                download(`participants-${meetingDateId}.html`, r.html, 'text/html;charset=utf-8')
            })
          }
        >
          {t('lists.print')}
        </button>
        <button type="button" disabled={empty} onClick={() => void save('csv')}>
          CSV
        </button>
        <button type="button" disabled={empty} onClick={() => void save('xlsx')}>
          XLSX
        </button>
      </div>
      <p role="status">{status}</p>
    </details>
  )
}

import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { effectiveEdits, hasDay, type DayEdits } from '../../../shared/draft-days'
import { formatDayLong, formatMonthTitle } from '../../../shared/locale-format'
import type { Language } from '../../../shared/types'
import type { DraftPreview } from '../../../shared/types-planner'
import { usosToFloating } from '../../app/usos-time'

const pad = (n: number) => String(n).padStart(2, '0')
const dayAt = (y: number, m: number, d: number) => {
  const at = new Date(Date.UTC(y, m - 1, d))
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
}
/** A day `n` days later (YYYY-MM-DD, counted in UTC: no zone, no daylight saving). */
export const shiftDay = (day: string, n: number) =>
  dayAt(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)) + n)
/** A month `n` months later (YYYY-MM). */
export const shiftMonth = (month: string, n: number) =>
  dayAt(Number(month.slice(0, 4)), Number(month.slice(5, 7)) + n, 1).slice(0, 7)

/** A month's days in weeks from Monday; null before its first and after its last day. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const first = `${month}-01`
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7
  const cells: Array<string | null> = Array.from({ length: lead }, () => null)
  for (let day = first; day.startsWith(month); day = shiftDay(day, 1)) cells.push(day)
  while (cells.length % 7 !== 0) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7))
}

const localDay = (day: string) => usosToFloating(`${day} 12:00`)

/**
 * A draft's dates on a month grid (Monday first): a click, or Enter or Space on the day the arrow
 * keys reach, adds a date at the draft's time or removes one. Holidays and the faculty's free days
 * are marked; one the rule skipped may be added back deliberately.
 */
export function DraftMonthGrid({
  preview,
  edits,
  onToggle,
  onReset
}: {
  preview: DraftPreview
  edits: DayEdits
  onToggle: (day: string) => void
  /** Forgets every day added or removed by hand. */
  onReset: () => void
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  const { draft, generatedDays } = preview
  const shown = preview.dates.map((d) => d.date)
  const firstDay = [draft.startDate, shown[0] ?? draft.startDate, ...edits.addedDays].sort()[0]!
  const lastDay = [draft.endDate, shown[shown.length - 1] ?? draft.endDate, ...edits.addedDays].sort().at(-1)!
  const [firstMonth, lastMonth] = [firstDay.slice(0, 7), lastDay.slice(0, 7)]

  const [wanted, setMonth] = useState(firstMonth)
  const month = wanted < firstMonth ? firstMonth : wanted > lastMonth ? lastMonth : wanted
  const [focused, setFocused] = useState<string | null>(null)
  const focusDay = focused?.startsWith(month)
    ? focused
    : (shown.find((d) => d.startsWith(month)) ?? `${month}-01`)
  const grid = useRef<HTMLTableElement>(null)
  const moveFocus = useRef(false)
  useEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focusDay}"]`)?.focus()
  }, [focusDay, month])

  const off = new Map(preview.daysOff.map((d) => [d.day, d]))
  const clashing = new Set(preview.clashes.map((c) => c.draftDate.date))
  const generated = new Set(generatedDays)
  const end = preview.dates[0]?.end.slice(11, 16)
  const time = `${draft.startTime}${end ? `–${end}` : ''}`

  const move = (e: KeyboardEvent<HTMLButtonElement>, day: string) => {
    const by: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }
    const next =
      e.key in by
        ? shiftDay(day, by[e.key]!)
        : e.key === 'PageUp' || e.key === 'PageDown'
          ? `${shiftMonth(day.slice(0, 7), e.key === 'PageUp' ? -1 : 1)}-01`
          : null
    if (next === null) return
    e.preventDefault()
    if (next.slice(0, 7) < firstMonth || next.slice(0, 7) > lastMonth) return
    moveFocus.current = true
    setFocused(next)
    setMonth(next.slice(0, 7))
  }

  const describe = (day: string): string => {
    const parts: string[] = []
    const inSet = hasDay(generatedDays, edits, day)
    if (inSet) parts.push(t('planner.grid.date', { time }))
    if (inSet && !generated.has(day)) parts.push(t('planner.grid.added'))
    if (!inSet && generated.has(day)) parts.push(t('planner.grid.removed'))
    const o = off.get(day)
    if (o?.kind === 'holiday') parts.push(t('planner.skippedHoliday', { name: o.name }))
    if (o?.kind === 'free_day')
      parts.push(t('planner.skippedFreeDay', { reason: o.reason || t('planner.noReason') }))
    if (inSet && clashing.has(day)) parts.push(t('planner.grid.clash'))
    if (day < draft.startDate || day > draft.endDate) parts.push(t('planner.grid.outside'))
    return [formatDayLong(localDay(day), language), ...parts].join(', ')
  }

  const title = formatMonthTitle(localDay(`${month}-01`), language)
  // What the edits change under the rule of the moment (an edit the rule agrees with changes nothing).
  const changed = effectiveEdits(generatedDays, edits)
  const editCount = edits.addedDays.length + edits.removedDays.length
  return (
    <section aria-labelledby="draft-grid-heading" className="draft-grid">
      <h3 id="draft-grid-heading">{t('planner.grid.heading')}</h3>
      <p className="hint" id="draft-grid-how">
        {t('planner.grid.how')}
      </p>
      <div className="toolbar">
        <button
          type="button"
          aria-label={t('planner.grid.previous')}
          disabled={month <= firstMonth}
          onClick={() => setMonth(shiftMonth(month, -1))}
        >
          ‹
        </button>
        <strong id="draft-grid-month" aria-live="polite">
          {title}
        </strong>
        <button
          type="button"
          aria-label={t('planner.grid.next')}
          disabled={month >= lastMonth}
          onClick={() => setMonth(shiftMonth(month, 1))}
        >
          ›
        </button>
      </div>
      <table role="grid" ref={grid} aria-labelledby="draft-grid-month" aria-describedby="draft-grid-how">
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <th key={d} scope="col">
                <abbr title={t(`planner.weekDays.${d}`)}>{t(`planner.grid.weekDaysShort.${d}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((day, i) => {
                if (day === null) return <td key={`blank-${i}`} />
                const inSet = hasDay(generatedDays, edits, day)
                const o = off.get(day)
                const classes = [
                  inSet ? 'in-draft' : '',
                  inSet && !generated.has(day) ? 'added' : '',
                  !inSet && generated.has(day) ? 'removed' : '',
                  o ? (o.kind === 'holiday' ? 'holiday' : 'free-day') : '',
                  inSet && clashing.has(day) ? 'clash' : '',
                  day < draft.startDate || day > draft.endDate ? 'outside' : ''
                ].filter(Boolean)
                return (
                  <td key={day}>
                    <button
                      type="button"
                      data-day={day}
                      className={classes.join(' ')}
                      aria-pressed={inSet}
                      aria-label={describe(day)}
                      tabIndex={day === focusDay ? 0 : -1}
                      onFocus={() => setFocused(day)}
                      onKeyDown={(e) => move(e, day)}
                      onClick={() => {
                        setFocused(day)
                        onToggle(day)
                      }}
                    >
                      {Number(day.slice(8, 10))}
                    </button>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" data-testid="draft-grid-edits">
        {t('planner.grid.edits', { added: changed.addedDays.length, removed: changed.removedDays.length })}
        {editCount > 0 && (
          <>
            {' '}
            <button type="button" className="link" onClick={onReset}>
              {t('planner.grid.reset')}
            </button>
          </>
        )}
      </p>
      <p className="hint legend">
        <span className="swatch in-draft" aria-hidden="true" /> {t('planner.grid.legendDate')}{' '}
        <span className="swatch holiday" aria-hidden="true" /> {t('planner.grid.legendHoliday')}{' '}
        <span className="swatch free-day" aria-hidden="true" /> {t('planner.grid.legendFreeDay')}{' '}
        <span className="swatch removed" aria-hidden="true" /> {t('planner.grid.legendRemoved')}
      </p>
    </section>
  )
}

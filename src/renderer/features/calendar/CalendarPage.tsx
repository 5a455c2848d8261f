import {
  addDays,
  addMonths,
  addWeeks,
  endOfMonth,
  endOfWeek,
  format,
  getDay,
  parse,
  startOfMonth,
  startOfWeek
} from 'date-fns'
import { enGB, pl } from 'date-fns/locale'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import {
  Calendar,
  dateFnsLocalizer,
  type EventProps,
  type ShowMoreProps,
  type View
} from 'react-big-calendar'
import 'react-big-calendar/lib/css/react-big-calendar.css'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../app/ErrorMessage'
import type { CalendarItem, Language } from '../../../shared/types'
import { api } from '../../app/api'
import { langText } from '../../app/lang'
import { isPlainShortcut } from '../../app/shortcuts'
import { preloadPages } from '../../app/pages'
import { useLoad } from '../../app/useApi'
import { download } from '../../app/download'
import { floatingDay, installationNow, usosToFloating } from '../../app/usos-time'
import { parseCalendarPlace, rememberCalendarPlace, type CalendarView } from '../../app/useHashRoute'
import { formatDayRange, formatDayShort, formatMonthTitle } from '../../../shared/locale-format'
import { meetingDateKey, prefetch, prefetched, prefetchedValue } from '../../app/prefetch'

// react-big-calendar draws the grid (week, month, agenda) with date-fns as its date library.
const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (d: Date) => startOfWeek(d, { weekStartsOn: 1 }),
  getDay,
  locales: { pl, en: enGB }
})

interface Event {
  title: string
  start: Date
  end: Date
  item: CalendarItem
}

/** The days a view shows around a date, with a margin for the month grid's leading/trailing days. */
function visibleRange(view: View, date: Date): { from: string; to: string } {
  if (view === 'month') {
    return {
      from: floatingDay(startOfWeek(startOfMonth(date), { weekStartsOn: 1 })),
      to: floatingDay(addDays(endOfWeek(endOfMonth(date), { weekStartsOn: 1 }), 1))
    }
  }
  if (view === 'agenda') return { from: floatingDay(date), to: floatingDay(addDays(date, 31)) }
  return {
    from: floatingDay(startOfWeek(date, { weekStartsOn: 1 })),
    to: floatingDay(addDays(startOfWeek(date, { weekStartsOn: 1 }), 7))
  }
}

/**
 * react-big-calendar marks some empty rows as role="row", row groups outside any table, and its
 * day headers as columnheaders outside any row, which screen readers (and axe) reject. Its headers are replaced below; rows
 * without cells lose the role here.
 */
function repairGridRoles(root: HTMLElement): void {
  for (const el of root.querySelectorAll('[role="rowgroup"]')) {
    if (!el.parentElement?.closest('[role="grid"],[role="table"],[role="treegrid"]'))
      el.removeAttribute('role')
  }
  for (const el of root.querySelectorAll('[role="row"]')) {
    if (!el.querySelector('[role="cell"],[role="gridcell"],[role="columnheader"],[role="rowheader"]'))
      el.removeAttribute('role')
  }
}

const PlainHeader = ({ label }: { label: string }) => <span>{label}</span>

const PALETTE = ['#0b5cad', '#8a3ffc', '#007d79', '#b35c00', '#a2191f', '#005d5d', '#6929c4', '#1d6b32']

export function colourFor(meetingId: string): string {
  let h = 0
  for (const c of meetingId) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return PALETTE[h % PALETTE.length] as string
}

/** The period after (or before) the one shown: a week, a month, or the agenda's month. */
function step(view: View, d: Date, by: 1 | -1): Date {
  return view === 'week' ? addWeeks(d, by) : addMonths(d, by)
}

/** A day picked in a date field, or null for an incomplete or impossible one. */
function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)
  return d.getMonth() === Number(m[2]) - 1 ? d : null
}

/** The exam groups overlapping one of the office hours shown (their ids). */
function clashingGroups(all: readonly CalendarItem[]): Set<string> {
  const dates = all.filter((m) => m.kind === 'meeting_date')
  return new Set(
    all
      .filter((g) => g.kind === 'exam_group' && dates.some((m) => m.start < g.end && g.start < m.end))
      .map((g) => g.id)
  )
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const hourMinute = (d: Date) => `${pad2(d.getHours())}:${pad2(d.getMinutes())}`
/**
 * The times on each event, as date-fns's "p" writes them in both languages (08:00 – 09:30), without
 * a date-fns format per event (the week's first draw spent a fifth of its time there).
 */
const formats = {
  eventTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) =>
    `${hourMinute(start)} – ${hourMinute(end)}`
}

/**
 * The week's hour column, in pixels, set rather than measured: react-big-calendar measures it a
 * frame after its first draw and then draws the whole week again to line the header up with it
 * (app.css gives the column the same width).
 */
const GUTTER_PX = 64
/** Calendar passes `width` on to its week view, which then takes it as the hour column's width. */
const gutterWidth = { width: GUTTER_PX } as object

/** The grid asks for "now" in every day and slot it draws: one reading a second is enough. */
let lastNow = { at: -Infinity, now: new Date(0) }
function calendarNow(): Date {
  const at = performance.now()
  if (at - lastNow.at > 1000) lastNow = { at, now: installationNow() }
  return new Date(lastNow.now)
}

/** The view and day the calendar opens on: the address's, or this week. */
const initialView = (): View => parseCalendarPlace(location.hash).view ?? 'week'
const initialDate = (): Date => {
  const day = parseCalendarPlace(location.hash).date
  return (day && parseDay(day)) || installationNow()
}

const rangeKey = (method: string, range: { from: string; to: string }) =>
  `${method}:${range.from}:${range.to}`

/** Asks for what a view of a date shows before the calendar draws it. */
function prefetchRange(view: View, date: Date): void {
  const range = visibleRange(view, date)
  prefetch(rangeKey('calendarRange', range), () => api.calendarRange(range))
  prefetch(rangeKey('draftsRange', range), () => api.draftsRange(range))
}

/** Asks for the calendar's first range before the calendar renders (see main.tsx). */
export function prefetchCalendar(): void {
  prefetchRange(initialView(), initialDate())
}

function seats(item: CalendarItem): string {
  const main =
    item.seatsLimit === null ? `${item.acceptedCount ?? 0}` : `${item.acceptedCount ?? 0}/${item.seatsLimit}`
  return item.waitingCount ? `${main} +${item.waitingCount}` : main
}

/** Drawn again only when its props change (the app around it changes often: badges, progress). */
export const CalendarPage = memo(function CalendarPage({
  onOpenDate,
  onOpenExamGroup,
  refreshKey
}: {
  onOpenDate: (id: string) => void
  /** An exam group, by `<exam id>:<group number>`. */
  onOpenExamGroup: (key: string) => void
  refreshKey: number
}) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'pl') as Language
  // Where the calendar is comes from its address (`#/calendar?view=month&date=...`) and goes back
  // into it, so opening a date and coming back lands on the same view and date.
  const [view, setView] = useState<View>(initialView)
  const [date, setDate] = useState(initialDate)
  useEffect(() => {
    rememberCalendarPlace({ view: view as CalendarView, date: format(date, 'yyyy-MM-dd') })
  }, [view, date])
  const range = visibleRange(view, date)
  // The first range, prefetched as the app started, is usually here by the first draw.
  const { data, error, loading } = useLoad(
    () => prefetched(rangeKey('calendarRange', range), () => api.calendarRange(range)),
    [range.from, range.to, refreshKey],
    () => prefetchedValue(rangeKey('calendarRange', range))
  )
  const [showDrafts, setShowDrafts] = useState(true)
  const drafts = useLoad(
    () =>
      showDrafts
        ? prefetched(rangeKey('draftsRange', range), () => api.draftsRange(range))
        : Promise.resolve([]),
    [range.from, range.to, refreshKey, showDrafts],
    () => (showDrafts ? prefetchedValue(rangeKey('draftsRange', range)) : undefined)
  )
  const clashing = useMemo(() => clashingGroups(data ?? []), [data])
  // The grid is drawn once its first answers are in, not empty and then again.
  const firstLoaded = (data !== null || error !== null) && (drafts.data !== null || drafts.error !== null)
  // Once the grid is painted, the other pages' chunks (a date's page first) are fetched.
  useEffect(() => {
    if (firstLoaded) requestAnimationFrame(() => setTimeout(preloadPages, 0))
  }, [firstLoaded])

  const events = useMemo<Event[]>(
    () => [
      ...(data ?? []).map((item) => ({
        // An exam group at the time of office hours is flagged in words, not by colour alone.
        title: `${item.kind === 'exam_group' && clashing.has(item.id) ? `${t('exams.clashLabel')}: ` : ''}${langText(item.title, language, t('calendar.untitled'))} · ${seats(item)}`,
        start: usosToFloating(item.start),
        end: usosToFloating(item.end),
        item
      })),
      // The planner's drafts: marked in words as well as by their style.
      ...(showDrafts ? (drafts.data ?? []) : []).map((d) => ({
        title: `${t('planner.draftLabel')}: ${d.name}`,
        start: usosToFloating(d.start),
        end: usosToFloating(d.end),
        item: {
          kind: 'draft' as const,
          id: d.id,
          meetingId: d.draftId,
          title: { pl: d.name, en: d.name },
          comment: { pl: null, en: null },
          start: d.start,
          end: d.end,
          room: d.room,
          seatsLimit: null,
          reserveSeatsLimit: null,
          acceptedCount: null,
          waitingCount: null,
          registeredCount: null
        }
      }))
    ],
    [data, drafts.data, showDrafts, clashing, language, t]
  )

  // Polish titles and days ("30 listopada – 6 grudnia 2026", "sob., 2 stycznia"), made once per
  // language so the grid does not draw again for new format functions.
  const calendarFormats = useMemo(
    () => ({
      ...formats,
      dayRangeHeaderFormat: ({ start, end }: { start: Date; end: Date }) =>
        formatDayRange(start, end, language),
      agendaHeaderFormat: ({ start, end }: { start: Date; end: Date }) =>
        formatDayRange(start, end, language),
      monthHeaderFormat: (d: Date) => formatMonthTitle(d, language),
      agendaDateFormat: (d: Date) => formatDayShort(d, language),
      dayFormat: (d: Date) => format(d, 'EEE d', { locale: language === 'pl' ? pl : enGB })
    }),
    [language]
  )

  // The week's hours: 07:00-21:00, widened to the whole hours its events need (a 21:15 draft
  // shows whole, not as a sliver at the bottom edge).
  const [minTime, maxTime] = useMemo(() => {
    let first = 7 * 60
    let last = 21 * 60
    if (view === 'week') {
      const from = startOfWeek(date, { weekStartsOn: 1 })
      const to = addDays(from, 7)
      for (const e of events) {
        if (e.end <= from || e.start >= to) continue
        const sameDay = e.start.toDateString() === e.end.toDateString()
        first = Math.min(first, Math.floor((e.start.getHours() * 60 + e.start.getMinutes()) / 60) * 60)
        const endMinutes = sameDay ? e.end.getHours() * 60 + e.end.getMinutes() : 24 * 60
        last = Math.max(last, Math.ceil(endMinutes / 60) * 60)
      }
    }
    return [
      new Date(1970, 0, 1, Math.floor(first / 60), 0),
      last >= 24 * 60 ? new Date(1970, 0, 1, 23, 59) : new Date(1970, 0, 1, Math.floor(last / 60), 0)
    ]
  }, [events, view, date])

  const open = (item: CalendarItem) => {
    if (item.kind === 'meeting_date') {
      // The date's details are on their way while the calendar gives way to its page.
      prefetch(meetingDateKey(item.id), () => api.getMeetingDate({ meetingDateId: item.id }))
      onOpenDate(item.id)
    } else if (item.kind === 'exam_group' && item.examId !== undefined && item.groupNumber !== undefined)
      onOpenExamGroup(`${item.examId}:${item.groupNumber}`)
  }

  // The calendar's components are made once; they open an item through the latest callbacks.
  // Another view: what it shows is asked for at once, while the grid redraws.
  const changeView = (next: View) => {
    if (next !== view) prefetchRange(next, date)
    setView(next)
  }

  const openRef = useRef(open)
  useEffect(() => {
    openRef.current = open
  })

  const gridRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const root = gridRef.current
    if (!root) return
    repairGridRoles(root)
    const observer = new MutationObserver(() => repairGridRoles(root))
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPlainShortcut(e)) return
      if (e.key === 'w') changeView('week')
      else if (e.key === 'm') changeView('month')
      else if (e.key === 'a') changeView('agenda')
      else if (e.key === 't') setDate(installationNow())
      else if (e.key === 'n' || e.key === 'PageDown') setDate((d) => step(view, d, 1))
      else if (e.key === 'p' || e.key === 'PageUp') setDate((d) => step(view, d, -1))
      else if (e.key === 'g') jumpRef.current?.focus()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- changeView reads the date shown now
  }, [view, date])
  const jumpRef = useRef<HTMLInputElement>(null)
  const components = useMemo(
    () => ({
      header: PlainHeader,
      // react-big-calendar's own "+n more" is a button straight in a row (not in a cell) and drills
      // down to a day view this app does not have: this one is a cell, and opens that day's week.
      showMore: ({ count, slotDate }: ShowMoreProps<Event>) => (
        <span role="cell">
          <button
            type="button"
            className="rbc-button-link rbc-show-more"
            onClick={() => {
              setDate(slotDate)
              setView('week')
            }}
          >
            {t('calendar.more', { count })}
          </button>
        </span>
      ),
      agenda: {
        // The agenda's rows answer only the mouse: each date is a button, reached by Tab too.
        event: ({ event, title }: EventProps<Event>) =>
          event.item.kind === 'draft' ? (
            <span>{title}</span>
          ) : (
            <button
              type="button"
              className="agenda-event"
              onClick={(e) => {
                // The row's cell opens it as well; once is enough.
                e.stopPropagation()
                openRef.current(event.item)
              }}
            >
              {title}
            </button>
          )
      }
    }),
    [t]
  )

  return (
    <section aria-labelledby="calendar-heading" className="calendar-page">
      <h1 id="calendar-heading">{t('calendar.heading')}</h1>
      <ErrorMessage message={error} />
      <div className="toolbar">
        <label className="inline">
          {t('calendar.jumpTo')}{' '}
          <input
            ref={jumpRef}
            type="date"
            aria-keyshortcuts="g"
            value={format(date, 'yyyy-MM-dd')}
            onChange={(e) => {
              const picked = parseDay(e.target.value)
              if (picked) setDate(picked)
            }}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={showDrafts} onChange={(e) => setShowDrafts(e.target.checked)} />{' '}
          {t('planner.showDrafts')}
        </label>
        <button
          type="button"
          onClick={() =>
            // What the view shows: the drafts too while they are shown.
            void api
              .exportIcs({ ...range, drafts: showDrafts })
              .then((f) => download(f.fileName, f.text, 'text/calendar;charset=utf-8'))
          }
        >
          {t('calendar.exportIcs')}
        </button>
      </div>
      <div className="calendar-shell" data-testid="calendar" ref={gridRef} aria-busy={loading}>
        {firstLoaded ? (
          <Calendar<Event>
            localizer={localizer}
            {...gutterWidth}
            formats={calendarFormats}
            culture={language}
            events={events}
            view={view}
            views={['week', 'month', 'agenda']}
            onView={changeView}
            date={date}
            onNavigate={setDate}
            getNow={calendarNow}
            min={minTime}
            max={maxTime}
            // A day's number in the month opens its week; the week's day headers are plain text
            // (the app has no day view, and a header that does nothing should not take a Tab).
            getDrilldownView={(_d, current) => (current === 'month' ? 'week' : null)}
            scrollToTime={new Date(1970, 0, 1, 8, 0)}
            components={components}
            onSelectEvent={(e) => open(e.item)}
            onKeyPressEvent={(e, ev) => {
              const key = (ev as unknown as { key?: string }).key
              if (key === 'Enter' || key === ' ') open(e.item)
            }}
            eventPropGetter={(e) => ({
              className:
                e.item.kind === 'exam_group'
                  ? `exam-group${clashing.has(e.item.id) ? ' clash' : ''}`
                  : e.item.kind === 'draft'
                    ? 'draft'
                    : `meeting-colour-${PALETTE.indexOf(colourFor(e.item.meetingId))}`
            })}
            messages={{
              week: t('calendar.week'),
              month: t('calendar.month'),
              agenda: t('calendar.agenda'),
              today: t('calendar.today'),
              previous: t('calendar.previous'),
              next: t('calendar.next'),
              date: t('calendar.date'),
              time: t('calendar.time'),
              event: t('calendar.event'),
              noEventsInRange: t('calendar.noEvents')
            }}
            // The tooltip says what "3/5 +2" means: seats taken of the limit, and how many wait on
            // the reserve list.
            tooltipAccessor={(e) =>
              [
                langText(e.item.title, language),
                `${e.item.start.slice(11, 16)}–${e.item.end.slice(11, 16)}`,
                e.item.room,
                e.item.kind === 'meeting_date'
                  ? e.item.seatsLimit === null
                    ? t('calendar.seatsNoLimit', { taken: e.item.acceptedCount ?? 0 })
                    : t('calendar.seatsOf', { taken: e.item.acceptedCount ?? 0, limit: e.item.seatsLimit })
                  : null,
                e.item.kind === 'meeting_date' && e.item.waitingCount
                  ? t('calendar.reserveCount', { count: e.item.waitingCount })
                  : null
              ]
                .filter(Boolean)
                .join('\n')
            }
            style={{ height: 'calc(100vh - 150px)', minHeight: 480 }}
          />
        ) : (
          <p className="empty-state">{t('app.loading')}</p>
        )}
      </div>
    </section>
  )
})

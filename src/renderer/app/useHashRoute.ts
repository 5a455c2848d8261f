import { useCallback, useEffect, useState } from 'react'

export const sections = [
  'calendar',
  'meetings',
  'exams',
  'slips',
  'planner',
  'colleagues',
  'signups',
  'accounts',
  'outbox',
  'settings'
] as const
export type Section = (typeof sections)[number]
/** Pages of one object, reached from a section: `#/date/<id>`, `#/meeting/<id>`. */
export const objectPages = ['date', 'meeting', 'exam'] as const
export type ObjectPage = (typeof objectPages)[number]
export type Route = { section: Section } | { section: ObjectPage; id: string }

export function parseRoute(hash: string): Route {
  // The calendar keeps its view and date after a "?" (`#/calendar?view=month&date=2026-12-04`).
  const path = hash.replace(/^#\/?/, '').replace(/\?.*$/, '')
  const object = /^(date|meeting|exam)\/([^/]+)$/.exec(path)
  if (object) return { section: object[1] as ObjectPage, id: decodeURIComponent(object[2] as string) }
  return (sections as readonly string[]).includes(path)
    ? { section: path as Section }
    : { section: 'calendar' }
}

export function routeHash(route: Route): string {
  return 'id' in route ? `#/${route.section}/${encodeURIComponent(route.id)}` : `#/${route.section}`
}

/** Hash routing: enough for a handful of screens, and it works from file:// in Electron. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  // One function for the page's life: pages that take it (or callbacks made from it) do not draw
  // again because of it.
  const navigate = useCallback((next: Route) => {
    location.hash = routeHash(next)
  }, [])
  return [route, navigate]
}

export type CalendarView = 'week' | 'month' | 'agenda'
export interface CalendarPlace {
  view: CalendarView
  /** YYYY-MM-DD. */
  date: string
}

/** The calendar's view and date written in its address, or null where it has none (or a bad one). */
export function parseCalendarPlace(hash: string): Partial<CalendarPlace> {
  const query = /^#\/?calendar\?(.*)$/.exec(hash)?.[1]
  if (!query) return {}
  const params = new URLSearchParams(query)
  const view = params.get('view')
  const date = params.get('date')
  return {
    ...(view === 'week' || view === 'month' || view === 'agenda' ? { view } : {}),
    ...(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {})
  }
}

export function calendarHash(place: CalendarPlace): string {
  return `#/calendar?view=${place.view}&date=${place.date}`
}

let lastCalendar = '#/calendar'

/**
 * The calendar writes where it is into its address (replacing the history entry, so Back in the
 * browser returns there) and remembers it for the "back to the calendar" of the pages it opens.
 */
export function rememberCalendarPlace(place: CalendarPlace): void {
  lastCalendar = calendarHash(place)
  if (parseRoute(location.hash).section === 'calendar' && location.hash !== lastCalendar)
    history.replaceState(history.state, '', lastCalendar)
}

/** The calendar's address as it was last left (its view and date). */
export function lastCalendarHash(): string {
  return lastCalendar
}

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
  const path = hash.replace(/^#\/?/, '')
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

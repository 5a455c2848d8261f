import { useEffect, useState } from 'react'

export const sections = ['calendar', 'accounts', 'outbox', 'settings'] as const
export type Section = (typeof sections)[number]
export type Route = { section: Section } | { section: 'date'; id: string }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  const date = /^date\/([^/]+)$/.exec(path)
  if (date) return { section: 'date', id: decodeURIComponent(date[1] as string) }
  return (sections as readonly string[]).includes(path)
    ? { section: path as Section }
    : { section: 'calendar' }
}

export function routeHash(route: Route): string {
  return route.section === 'date' ? `#/date/${encodeURIComponent(route.id)}` : `#/${route.section}`
}

/** Hash routing: enough for a handful of screens, and it works from file:// in Electron. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return [route, (next) => (location.hash = routeHash(next))]
}

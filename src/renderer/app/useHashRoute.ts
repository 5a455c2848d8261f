import { useEffect, useState } from 'react'

export const routes = ['calendar', 'settings'] as const
export type Route = (typeof routes)[number]

function current(): Route {
  const name = location.hash.replace(/^#\/?/, '')
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'calendar'
}

/** Hash routing: enough for a handful of screens, and it works from file:// in Electron. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(current)
  useEffect(() => {
    const onChange = () => setRoute(current())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return [route, (next) => (location.hash = `#/${next}`)]
}

/**
 * The pages other than the calendar, each in its own chunk: the calendar's first event waits for
 * the bytes the window parses at start, and these are not needed for it. Each chunk is fetched
 * once the calendar has been drawn (see `preloadPages`), so opening a page later does not wait;
 * a page whose chunk is already in draws at once, without a fallback in between.
 *
 * A page is always the same tree (Suspense, then the page), whether its chunk came before or after
 * it was opened: a page that switched from a loading form to a loaded one would be mounted anew
 * at the next draw and lose what it held (a message, what the user typed).
 */
import { Suspense, use, type ComponentType, type ReactElement } from 'react'
import { PageErrorBoundary } from './ErrorBoundary'

type Loader<M> = () => Promise<M>

const loaders: Array<() => Promise<unknown>> = []

function page<M, P extends object>(load: Loader<M>, pick: (m: M) => ComponentType<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null
  let pending: Promise<M> | null = null
  const fetch = () =>
    (pending ??= load().then((m) => {
      loaded = pick(m)
      return m
    }))
  loaders.push(fetch)
  function Loaded(props: P): ReactElement {
    // Suspends until the chunk is in; once it is, draws the page straight away.
    const Page = loaded ?? pick(use(fetch()))
    return <Page {...props} />
  }
  return function Page(props: P): ReactElement {
    return (
      <PageErrorBoundary>
        <Suspense fallback={null}>
          <Loaded {...props} />
        </Suspense>
      </PageErrorBoundary>
    )
  }
}

/** Fetches every page's chunk (after the first paint; a failure is left to the page's own load). */
export function preloadPages(): void {
  for (const load of loaders) load().catch(() => {})
}

const meetingDate = () => import('../features/meeting-date/MeetingDatePage')
const meetings = () => import('../features/meetings/MeetingsPage')
const exams = () => import('../features/exams/ExamsPage')
const attendee = () => import('../features/attendee/AttendeePage')
const colleagues = () => import('../features/attendee/ColleaguesPage')

export const MeetingDatePage = page(meetingDate, (m) => m.MeetingDatePage)
export const MeetingsPage = page(meetings, (m) => m.MeetingsPage)
export const MeetingPage = page(meetings, (m) => m.MeetingPage)
export const ExamsPage = page(exams, (m) => m.ExamsPage)
export const ExamGroupPage = page(exams, (m) => m.ExamGroupPage)
export const PlannerPage = page(
  () => import('../features/planner/PlannerPage'),
  (m) => m.PlannerPage
)
export const SettingsPage = page(
  () => import('../features/settings/SettingsPage'),
  (m) => m.SettingsPage
)
export const AccountsPage = page(
  () => import('../features/accounts/AccountsPage'),
  (m) => m.AccountsPage
)
export const OutboxPage = page(
  () => import('../features/outbox/OutboxPage'),
  (m) => m.OutboxPage
)
export const AttendeePage = page(attendee, (m) => m.AttendeePage)
export const ColleaguesPage = page(colleagues, (m) => m.ColleaguesPage)
export const SlipsPage = page(
  () => import('../features/slips/SlipsPage'),
  (m) => m.SlipsPage
)

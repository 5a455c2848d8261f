import i18next from 'i18next'
import { Component, type ReactNode } from 'react'

/**
 * A page that fails to draw (a bug, or its chunk not loading) says so in the UI's language, with a
 * way to load it again, instead of blanking the whole window; the rest of the app stays usable and
 * nothing in the mirror is touched. The detail goes to the console.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    console.error(error)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <div role="alert" className="error page-failed">
        <p>{i18next.t('app.pageFailed')}</p>
        {/* A fresh load: a chunk that failed once is not fetched again by the same page. */}
        <button type="button" onClick={() => location.reload()}>
          {i18next.t('app.reloadPage')}
        </button>
      </div>
    )
  }
}

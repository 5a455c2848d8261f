import { formatWarsawStamp } from '../../shared/locale-format'
import type { Language } from '../../shared/types'
/** What the shell lends the handlers: Electron does these; the web harness leaves them to the page. */
export interface HandlerHooks {
  /** Opens a sign-in page in the system browser (Electron); the web harness leaves it to the page. */
  openExternal?: (url: string) => void
  /** Prints a page (Electron's print dialog), or saves it as a PDF; answers the PDF's path, or null. */
  print?: (
    html: string,
    opts: { pdf: boolean; title: string }
  ) => Promise<{ printed: boolean; pdfPath: string | null }>
}

/** "4 grudnia 2026 11:23": the moment a list is printed, in Warsaw time by the app's clock. */
export const printedAt = (now: Date, language: Language): string => formatWarsawStamp(now, language)

/** Prints through the shell when it can; otherwise answers the page for the browser to print. */
export async function printThrough(
  hooks: HandlerHooks,
  html: string,
  opts: { pdf: boolean; title: string }
): Promise<{ printed: boolean; html: string | null; pdfPath: string | null }> {
  if (!hooks.print) return { printed: false, html, pdfPath: null }
  const result = await hooks.print(html, opts)
  return { printed: result.printed, html: null, pdfPath: result.pdfPath }
}

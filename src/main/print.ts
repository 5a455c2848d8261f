/**
 * Printing in the desktop app: the page (produced and tested by the core) goes into a hidden,
 * sandboxed window with no preload and JavaScript off, then to the system print dialog or to a
 * PDF written atomically. Names on the page are untrusted text, already escaped by the core.
 *
 * The page is loaded from a file in a private temporary folder, not a `data:` URL, which Chromium
 * refuses above 2 MB (a list of a few thousand rows).
 */
import { BrowserWindow, dialog } from 'electron'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from '../core/fs/atomic'

const PDF_TIMEOUT_MS = 20_000

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
    )
  ])
}

export async function printHtml(
  html: string,
  opts: { pdf: boolean; title: string }
): Promise<{ printed: boolean; pdfPath: string | null }> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true
    }
  })
  // mkdtemp makes the folder 0700: other users cannot read the names on the list.
  const folder = mkdtempSync(join(tmpdir(), 'office-hours-print-'))
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    win.webContents.on('will-navigate', (e) => e.preventDefault())
    const page = join(folder, 'print.html')
    writeFileAtomic(page, html)
    await win.loadFile(page)
    if (opts.pdf) {
      const target = await dialog.showSaveDialog({
        defaultPath: `${opts.title.replace(/[\\/:*?"<>|]+/g, '-')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }]
      })
      if (target.canceled || !target.filePath) return { printed: false, pdfPath: null }
      const pdf = await withTimeout(
        win.webContents.printToPDF({ pageSize: 'A4', printBackground: true }),
        PDF_TIMEOUT_MS,
        'Making the PDF'
      )
      writeFileAtomic(target.filePath, pdf, 0o644)
      return { printed: true, pdfPath: target.filePath }
    }
    const printed = await new Promise<boolean>((resolve) =>
      win.webContents.print({ printBackground: true }, (success) => resolve(success))
    )
    return { printed, pdfPath: null }
  } finally {
    win.destroy()
    rmSync(folder, { recursive: true, force: true })
  }
}

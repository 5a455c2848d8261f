/** Hands a file the main process produced to the browser's download (a save dialog in Electron). */
export function download(fileName: string, text: string, mimeType: string): void {
  // A BOM the text may carry (CSV for Excel) is kept: Blob writes the string as UTF-8.
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

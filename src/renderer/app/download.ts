/** Hands a file the main process produced to the browser's download (a save dialog in Electron). */
export function download(fileName: string, text: string, mimeType: string, base64?: string): void {
  // A BOM the text may carry (CSV for Excel) is kept: Blob writes the string as UTF-8. A binary
  // file (XLSX) comes as base64.
  const body = base64 === undefined ? text : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([body], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

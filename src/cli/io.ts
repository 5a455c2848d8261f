/** Where a command writes: stdout for its documented output only, stderr for everything else. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Reads one line from standard input (the PIN of the OAuth flow). */
  readLine(): Promise<string | null>
}

/** What standard input sent past the last line read (two lines may come in one chunk). */
let stdinRest = ''

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readLine: () =>
    new Promise((resolve) => {
      const takeLine = (): boolean => {
        const nl = stdinRest.indexOf('\n')
        if (nl < 0) return false
        const line = stdinRest.slice(0, nl).replace(/\r$/, '')
        stdinRest = stdinRest.slice(nl + 1)
        resolve(line)
        return true
      }
      if (takeLine()) return
      const onData = (chunk: Buffer) => {
        stdinRest += chunk.toString('utf8')
        if (takeLine()) cleanup()
      }
      const onEnd = () => {
        cleanup()
        const rest = stdinRest
        stdinRest = ''
        resolve(rest.length > 0 ? rest : null)
      }
      const cleanup = () => {
        process.stdin.off('data', onData)
        process.stdin.off('end', onEnd)
        process.stdin.pause()
      }
      process.stdin.on('data', onData)
      process.stdin.on('end', onEnd)
      process.stdin.resume()
    })
}

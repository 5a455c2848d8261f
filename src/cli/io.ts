/** Where a command writes: stdout for its documented output only, stderr for everything else. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Reads one line from standard input (the PIN of the OAuth flow). */
  readLine(): Promise<string | null>
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readLine: () =>
    new Promise((resolve) => {
      let buffer = ''
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString('utf8')
        const nl = buffer.indexOf('\n')
        if (nl >= 0) {
          cleanup()
          resolve(buffer.slice(0, nl).replace(/\r$/, ''))
        }
      }
      const onEnd = () => {
        cleanup()
        resolve(buffer.length > 0 ? buffer : null)
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

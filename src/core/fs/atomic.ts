import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname, basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Writes a file so that a crash leaves either the old content or the new, never a mix: a temp
 * file beside it, fsync, rename over, fsync the folder. `mode` applies from creation on, so a
 * secret is never readable by others even for a moment. On any failure the temp file is removed.
 * `data` may come in parts (a large export's chunks), written one after another.
 */
export function writeFileAtomic(
  file: string,
  data: string | Uint8Array | readonly Uint8Array[],
  mode = 0o600
): void {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', mode)
  try {
    const parts =
      typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data
    for (const part of parts) {
      let offset = 0
      while (offset < part.length) offset += writeSync(fd, part, offset)
    }
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  closeSync(fd)
  try {
    renameSync(temp, file)
  } catch (error) {
    // e.g. the target is a folder: the temp file must not stay behind.
    rmSync(temp, { force: true })
    throw error
  }
  if (process.platform !== 'win32') {
    const dirFd = openSync(dirname(file), 'r')
    try {
      fsyncSync(dirFd)
    } finally {
      closeSync(dirFd)
    }
  }
}

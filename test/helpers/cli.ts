import { runCli } from '../../src/cli'
import type { CliIo } from '../../src/cli/io'

/** Runs one command line in-process, capturing stdout and stderr; no standard input. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), readLine: async () => null }
  const code = await runCli(argv, io)
  return { code, out, err }
}

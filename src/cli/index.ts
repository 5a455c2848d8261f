/**
 * `office-hours`: the app's core without a window (see README "Command line"). Each command
 * lives in commands/ and is listed in the table below.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CliError } from './errors'
import { processIo, type CliIo } from './io'
import { commands } from './commands'

export function usage(): string {
  const lines = ['Usage: office-hours <command> [options]', '', 'Commands:']
  for (const [name, command] of Object.entries(commands))
    lines.push(`  ${name.padEnd(14)} ${command.summary}`)
  lines.push(
    '',
    "Common options: --data-dir DIR (the profile; default: the desktop app's), --json where output is data."
  )
  return lines.join('\n') + '\n'
}

/** A message as one line: control characters (a newline in a path...) escaped as JSON does. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.trim().replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1))
}

/** Runs one command line; answers the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.err(usage())
    return name === undefined ? 2 : 0
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    io.err(`office-hours: unknown command "${name}" (see office-hours --help)\n`)
    return 2
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // One line whatever the message holds (a path with a newline is shown escaped, not cut).
    io.err(`office-hours ${name}: ${oneLine(message)}\n`)
    return error instanceof CliError ? error.exitCode : 1
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}

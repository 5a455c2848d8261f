import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CliError } from './errors'
import { processClock, type Clock } from '../shared/clock'

type Options = NonNullable<ParseArgsConfig['options']>

/** Strict option parsing: an unknown option or a missing value is a clear one-line error. */
export function parseOptions<T extends Options>(args: string[], options: T) {
  // `--number -5`: a negative number is the option's value (Node would call it ambiguous), so
  // that the option's own check can say what is wrong with it.
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const next = args[i + 1]
    const option = arg.startsWith('--') ? options[arg.slice(2)] : undefined
    if (option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`)
      i++
    } else joined.push(arg)
  }
  try {
    return parseArgs({ args: joined, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new CliError((error as Error).message.replace(/\. To specify.*$/s, ''))
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new CliError(`--${name} is required`)
  return value
}

export function intOption(
  value: string | undefined,
  name: string,
  min: number,
  max: number
): number | undefined {
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value)) throw new CliError(`--${name} must be a whole number, got "${value}"`)
  const n = Number(value)
  if (n < min || n > max) throw new CliError(`--${name} must be from ${min} to ${max}, got ${n}`)
  return n
}

/** `--now ISO` (else OFFICE_HOURS_NOW, else the system clock): the day the command acts on. */
export function clockOption(value: string | undefined): Clock {
  try {
    return processClock(process.env, value)
  } catch (error) {
    throw new CliError((error as Error).message)
  }
}

/**
 * Reads a module's reference page (../shared/usos-api/<module>.txt beside the repository) into a small table:
 * per method its token mode, parameters (required, default, possible values) and the errors and
 * reasons it lists. The conformance tests walk this table, so they follow the reference itself,
 * not the emulator's idea of it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface RefParam {
  name: string
  required: boolean
  /** "Default value: ..."; '' for "(empty string)"; undefined when none is given. */
  default?: string
  /** "Possible values: a, b." */
  values?: string[]
}

export interface RefMethod {
  /** e.g. `meetings/sign_up` */
  name: string
  token: 'required' | 'optional' | 'ignored'
  params: RefParam[]
  /** error code -> listed reasons (possibly none) */
  errors: Map<string, string[]>
}

// Beside the repository, as the generator of the method table reads it (scripts/gen-usos-methods.mjs).
export const REFERENCE_DIR =
  process.env.USOS_API_REFERENCE_DIR ?? join(process.cwd(), '..', 'shared', 'usos-api')

const STANDARD = new Set(['format', 'callback'])

export function readReference(module: string): RefMethod[] {
  const lines = readFileSync(`${REFERENCE_DIR}/${module}.txt`, 'utf8').split('\n')
  const methods: RefMethod[] = []
  let current: RefMethod | null = null
  let param: RefParam | null = null
  let inErrors = false
  let errorCode: string | null = null
  for (const line of lines) {
    const start = new RegExp(`^services/${module}/(\\w+)$`).exec(line)
    if (start) {
      current = { name: `${module}/${start[1]}`, token: 'required', params: [], errors: new Map() }
      methods.push(current)
      param = null
      inErrors = false
      continue
    }
    if (!current) continue
    const token = /^Consumer: \w+ Token: (\w+)/.exec(line)
    if (token) {
      current.token = token[1] as RefMethod['token']
      continue
    }
    const p = /^([a-z_]+) (required|optional)\b/.exec(line)
    if (p && !inErrors) {
      param = { name: p[1] as string, required: p[2] === 'required' }
      if (!STANDARD.has(param.name)) current.params.push(param)
      continue
    }
    if (/^Returned value:/.test(line)) param = null
    const def = /^Default value: (.*)$/.exec(line)
    if (def && param) param.default = def[1] === '(empty string)' ? '' : def[1]
    const values = /^Possible values: (.*)\.$/.exec(line)
    if (values && param) param.values = (values[1] as string).split(', ')
    if (/^Thrown errors:/.test(line)) {
      inErrors = true
      continue
    }
    if (inErrors) {
      const code = /^ {2}• (\w+) - /.exec(line)
      if (code) {
        errorCode = code[1] as string
        current.errors.set(errorCode, [])
      }
      const reason = /^ {4}• (\w+) - /.exec(line)
      if (reason && errorCode) current.errors.get(errorCode)?.push(reason[1] as string)
    }
  }
  return methods
}

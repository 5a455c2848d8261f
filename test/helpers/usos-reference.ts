/**
 * The USOS API reference as facts the tests can walk: per method its access (consumer, token,
 * scopes), parameters (required, default, possible values; `fields` with its default fields) and
 * the errors and reasons it lists. The facts live in the repository
 * (test/fixtures/usos-api-catalogue.json) so that a clone runs every test without the reference
 * pages; test/unit/usos/catalogue.test.ts remakes the catalogue from the pages
 * (../shared/usos-api/<module>.txt beside the repository) where they exist and fails on any
 * difference. The conformance tests follow the reference itself, not the emulator's idea of it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface RefParam {
  name: string
  required: boolean
  /** Listed as "deprecated" (still accepted, not to be used). */
  deprecated?: true
  /** "Default value: ..."; '' for "(empty string)"; undefined when none is given. */
  default?: string
  /** "Possible values: a, b." */
  values?: string[]
}

export interface RefMethod {
  /** e.g. `meetings/sign_up` */
  name: string
  consumer: 'required' | 'optional'
  /** "Consumer: required (administrative)": only an administrative consumer key may call it. */
  administrative: boolean
  token: 'required' | 'optional' | 'ignored'
  scopes: string[]
  params: RefParam[]
  /** error code -> listed reasons (possibly none) */
  errors: Map<string, string[]>
}

export type UsosModule = 'meetings' | 'slips' | 'exams'
export const MODULES: readonly UsosModule[] = ['meetings', 'slips', 'exams']

/** The reference pages beside the repository (not in a contributor's clone: see the catalogue). */
export const REFERENCE_DIR =
  process.env.USOS_API_REFERENCE_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'usos-api')
export const CATALOGUE_FILE = join(import.meta.dirname, '..', 'fixtures', 'usos-api-catalogue.json')

const STANDARD = new Set(['format', 'callback'])

/** One module's page: its methods as above, and the names its "Methods" index lists. */
export function parseReferencePage(
  module: UsosModule,
  text: string
): { methods: RefMethod[]; index: string[] } {
  const lines = text.split('\n')
  const methods: RefMethod[] = []
  let current: RefMethod | null = null
  let param: RefParam | null = null
  let inErrors = false
  let errorCode: string | null = null
  for (const line of lines) {
    const start = new RegExp(`^services/${module}/(\\w+)$`).exec(line)
    if (start) {
      current = {
        name: `${module}/${start[1]}`,
        consumer: 'required',
        administrative: false,
        token: 'required',
        scopes: [],
        params: [],
        errors: new Map()
      }
      methods.push(current)
      param = null
      inErrors = false
      continue
    }
    if (!current) continue
    const access = /^Consumer: (required|optional)( \(administrative\))? Token: (\w+) Scopes: (\S+)/.exec(
      line
    )
    if (access) {
      current.consumer = access[1] as RefMethod['consumer']
      current.administrative = Boolean(access[2])
      current.token = access[3] as RefMethod['token']
      current.scopes = access[4] === 'n/a' ? [] : (access[4] as string).split('|')
      continue
    }
    const p = /^([a-z_]+) (required|optional|deprecated)\b/.exec(line)
    if (p && !inErrors) {
      param = {
        name: p[1] as string,
        required: p[2] === 'required',
        ...(p[2] === 'deprecated' ? { deprecated: true as const } : {})
      }
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
  const indexText = text.split('\nMethods\n')[1]?.split('\nservices/')[0] ?? ''
  const index = indexText
    .split('\n')
    .map((l) => /^([a-z_]+) /.exec(l)?.[1])
    .filter((n): n is string => Boolean(n))
  return { methods, index }
}

interface CatalogueJson {
  source: string
  modules: Record<
    UsosModule,
    { index: string[]; methods: Array<Omit<RefMethod, 'errors'> & { errors: Record<string, string[]> }> }
  >
}

/** The catalogue as it is written to the repository (stable order, plain JSON). */
export function catalogueFromPages(read: (module: UsosModule) => string): string {
  const modules = {} as CatalogueJson['modules']
  for (const module of MODULES) {
    const { methods, index } = parseReferencePage(module, read(module))
    modules[module] = {
      index,
      methods: methods.map((m) => ({ ...m, errors: Object.fromEntries(m.errors) }))
    }
  }
  const json: CatalogueJson = {
    source:
      'Made by test/unit/usos/catalogue.test.ts from the USOS API reference pages (shared/usos-api/*.txt).',
    modules
  }
  return `${JSON.stringify(json, null, 2)}\n`
}

export const referencePagesPresent = (): boolean =>
  MODULES.every((m) => existsSync(join(REFERENCE_DIR, `${m}.txt`)))

let cached: CatalogueJson | null = null

/** A module's methods as the committed catalogue lists them. */
export function readReference(module: UsosModule): RefMethod[] {
  cached ??= JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')) as CatalogueJson
  return cached.modules[module].methods.map((m) => ({ ...m, errors: new Map(Object.entries(m.errors)) }))
}

/** The names a module's "Methods" index lists, as the committed catalogue has them. */
export function referenceIndex(module: UsosModule): string[] {
  cached ??= JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')) as CatalogueJson
  return cached.modules[module].index
}

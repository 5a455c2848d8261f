#!/usr/bin/env node
/**
 * Generates src/core/usos/methods.generated.ts from the USOS API reference pages
 * (../shared/usos-api/*.txt, relative to the repository root): one entry per method with its
 * authorization needs (consumer, token, scopes, SSL), BETA flag, parameters (required or optional,
 * the default value as documented, possible values, a parameter type read from the description),
 * the shape of its result and, for multi-id methods, the parameter that carries the ids.
 *
 *   node scripts/gen-usos-methods.mjs            # write the file
 *   node scripts/gen-usos-methods.mjs --check    # exit 1 if the file is not what the reference gives
 *
 * The output is deterministic (files read in name order, methods in page order) and already
 * formatted with the repository's Prettier settings, so a fresh run leaves git clean.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const REFERENCE_DIR = join(root, '..', 'shared', 'usos-api')
export const OUTPUT_FILE = join(root, 'src', 'core', 'usos', 'methods.generated.ts')

/**
 * Methods that change state in USOS. The pages do not say so in a field of their own; the names do
 * (accept_, reject_, sign_up..., put_, delete_, add_, create_, issue_, update_, batch_...). A timeout
 * on one of these is an unknown outcome and is never retried blindly.
 */
export const WRITE_METHOD = /^(accept_|reject_|sign_|put_|delete_|add_|create_|issue_|update_|batch_)/

/** The client's own parameters (format is always json, callback is for JSONP only). */
const CLIENT_PARAMS = new Set(['format', 'callback'])

function paramType(p) {
  const d = p.description
  if (p.name === 'fields') return 'fields'
  if (p.values.length > 0) return 'enum'
  if (/^Dictionary\b/i.test(d)) return 'json'
  if (/^Boolean\b/i.test(d) || p.default === 'true' || p.default === 'false') return 'boolean'
  if (/pipe-separated list|^list of/i.test(d) || /(^|_)(ids|fields)$/.test(p.name) || p.name === 'order_by')
    return 'list'
  if ((p.default !== null && /^\d+$/.test(p.default)) || /^(number of|days count)/i.test(d)) return 'integer'
  return 'string'
}

function returnsShape(text, multi) {
  if (multi) return 'map'
  if (/^(a )?list\b/i.test(text)) return 'list'
  if (/^a dictionary of selected fields/i.test(text)) return 'object'
  return 'other'
}

/** Parses one module's reference page into method entries. */
export function parseReference(source) {
  const lines = source.replace(/\u00a0/g, ' ').split('\n')
  const methods = []
  let current = null
  let lastParam = null
  let section = 'none' // head | params | returns | after
  const finishParam = () => {
    if (!lastParam) return
    lastParam.description = lastParam.descriptionLines.join(' ').replace(/\s+/g, ' ').trim()
    delete lastParam.descriptionLines
    lastParam.type = paramType(lastParam)
    lastParam = null
  }
  const finishMethod = () => {
    finishParam()
    if (!current) return
    const ids = current.params.find((p) => p.required && /(^|_)ids$/.test(p.name))
    const multi = ids && /\bmap|\bmapped\b|\bmapping\b/i.test(current.returnsText) ? ids.name : null
    current.multi = multi
    current.returns = returnsShape(current.returnsText, multi)
    delete current.returnsText
  }
  for (const raw of lines) {
    const line = raw.trimEnd()
    const header = /^services\/([a-z_]+)\/([a-z_]+)$/.exec(line)
    if (header) {
      finishMethod()
      current = {
        name: `${header[1]}/${header[2]}`,
        module: header[1],
        summary: '',
        consumer: 'required',
        token: 'required',
        scopes: [],
        ssl: false,
        beta: false,
        write: WRITE_METHOD.test(header[2]),
        multi: null,
        returns: 'other',
        params: [],
        returnsText: ''
      }
      methods.push(current)
      section = 'head'
      continue
    }
    if (!current) continue
    const auth =
      /^Consumer: (required \(administrative\)|required|optional) Token: (required|optional|ignored) Scopes: (.+?) SSL: (required|not required)$/.exec(
        line
      )
    if (auth) {
      current.consumer = auth[1] === 'required (administrative)' ? 'administrative' : auth[1]
      current.token = auth[2]
      current.scopes = auth[3] === 'none' || auth[3] === 'n/a' ? [] : auth[3].split(/[ ,|]+/).filter(Boolean)
      current.ssl = auth[4] === 'required'
      continue
    }
    if (/^This is a BETA method/.test(line)) {
      current.beta = true
      continue
    }
    if (/^Plus (required|optional) standard OAuth/.test(line)) {
      finishParam()
      section = 'after'
      continue
    }
    if (/^Returned value:/.test(line)) {
      finishParam()
      section = 'returns'
      continue
    }
    if (section === 'returns') {
      if (!current.returnsText && line.trim()) current.returnsText = line.trim()
      continue
    }
    if (section !== 'head' && section !== 'params') continue
    // "deprecated" parameters are optional ones the page advises against.
    const param = /^([a-z_0-9]+) (required|optional|deprecated)(?: (.*))?$/.exec(line)
    if (param) {
      finishParam()
      section = 'params'
      lastParam = {
        name: param[1],
        required: param[2] === 'required',
        deprecated: param[2] === 'deprecated',
        default: null,
        type: 'string',
        values: [],
        description: '',
        descriptionLines: param[3] ? [param[3]] : []
      }
      current.params.push(lastParam)
      continue
    }
    if (section === 'params' && lastParam) {
      const def = /^Default value: (.*)$/.exec(line)
      if (def && lastParam.default === null) {
        lastParam.default = def[1] === '(empty string)' ? '' : def[1]
        continue
      }
      const values = /^Possible values: (.+?)\.?$/.exec(line)
      if (values) {
        lastParam.values = values[1].split(/,\s*/).filter(Boolean)
        continue
      }
      // The first paragraph of the description is enough for the table.
      if (line.trim() && lastParam.descriptionLines.length < 1) lastParam.descriptionLines.push(line.trim())
      continue
    }
    if (
      section === 'head' &&
      !current.summary &&
      line.trim() &&
      !/^(Consumer:|URLs of the methods|Click here|https?:\/\/|Administrative:|Note,)/.test(line.trim())
    ) {
      current.summary = line.trim()
    }
  }
  finishMethod()
  return methods
}

export function readReference(dir = REFERENCE_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parseReference(readFileSync(join(dir, f), 'utf8')))
}

const TS_TYPES = {
  string: 'StringParam',
  integer: 'IntegerParam',
  boolean: 'boolean',
  list: 'ListParam',
  json: 'JsonParam',
  fields: 'FieldsParam'
}

function tsType(p) {
  if (p.type === 'enum') return p.values.map((v) => `'${v}'`).join(' | ')
  return TS_TYPES[p.type]
}

/** The TypeScript source, before formatting. */
export function render(methods) {
  const params = methods.map((m) => {
    const own = m.params.filter((p) => !CLIENT_PARAMS.has(p.name))
    const body = own.map((p) => `    ${p.name}${p.required ? '' : '?'}: ${tsType(p)}`).join('\n')
    return `  '${m.name}': ${own.length ? `{\n${body}\n  }` : 'NoParams'}`
  })
  return `// Generated by scripts/gen-usos-methods.mjs from the USOS API reference (shared/usos-api/*.txt).
// Do not edit by hand: change the generator or the reference, and run it again.
import type { FieldsParam, IntegerParam, JsonParam, ListParam, MethodSpec, NoParams, StringParam } from './method-spec'

export const USOS_METHODS = ${JSON.stringify(methods, null, 2)} as const satisfies readonly MethodSpec[]

/** Each method's parameters by name, typed from the reference; \`format\` and \`callback\` are the client's. */
export interface UsosMethodParams {
${params.join('\n')}
}
`
}

/** The file as it must be on disk: rendered and formatted with the repository's Prettier settings. */
export async function generate(dir = REFERENCE_DIR) {
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(OUTPUT_FILE)) ?? {}
  return prettier.format(render(readReference(dir)), { ...options, parser: 'typescript' })
}

async function main() {
  const args = process.argv.slice(2)
  const check = args.includes('--check')
  const dir = args.find((a) => !a.startsWith('--'))
  const text = await generate(dir ? resolve(dir) : REFERENCE_DIR)
  if (check) {
    const now = readFileSync(OUTPUT_FILE, 'utf8')
    if (now !== text) {
      process.stderr.write(`${OUTPUT_FILE} is out of date: run node scripts/gen-usos-methods.mjs\n`)
      process.exit(1)
    }
    process.stderr.write('methods.generated.ts is up to date\n')
    return
  }
  writeFileSync(OUTPUT_FILE, text)
  process.stderr.write(`wrote ${(text.match(/^ {4}name: '/gm) ?? []).length} methods to ${OUTPUT_FILE}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()

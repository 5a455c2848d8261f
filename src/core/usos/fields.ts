/**
 * Field selectors (`fields=id|name|lecturer[id|first_name]`) built from one structured list, so
 * that what is asked of USOS and what is read from its answer cannot drift apart.
 *
 * Two ways in:
 *
 * - `fieldSelector(spec)`: only the string, from `{ id: true, lecturer: { id: true } }`.
 * - `fields(spec)`: the string *and* the type of the parsed answer, and a parser that checks it:
 *
 *   ```ts
 *   const meetingSel = fields({
 *     id: f.id,                       // string | number in the answer, read as a string
 *     name: f.langDict,               // { pl, en }
 *     open: true,                     // asked for, read as unknown
 *     lecturer: { id: f.id, first_name: f.string },   // a referenced object: lecturer[id|first_name]
 *     dates: f.list({ id: f.id })     // a list of referenced objects: dates[id]
 *   })
 *   meetingSel.selector               // 'id|name|open|lecturer[id|first_name]|dates[id]'
 *   type Meeting = Selected<typeof meetingSel>
 *   //   { id: string; name: LangDict; open: unknown;
 *   //     lecturer: { id: string; first_name: string } | null; dates: { id: string }[] }
 *   const m = meetingSel.parse(answer)        // Meeting, or a `bad_response` UsosError naming the field
 *   const all = await client.meetings.lecturer({ fields: meetingSel })   // Meeting[], parsed
 *   ```
 *
 * A referenced object (a nested spec) may be null in USOS's answers, so its type is `... | null`.
 * `true` asks for a field without checking it (`unknown`); a missing `true` field is tolerated.
 * A typed field that is missing from the answer is an error, unless it is `f.nullable(...)`
 * (missing reads as null) or `f.optional(...)` (missing reads as undefined).
 */
import type { LangDict } from '../../shared/types'
import { UsosError } from './errors'

// ---- plain selectors ------------------------------------------------------------------------

export type FieldSpec = { readonly [field: string]: true | FieldSpec }

export function fieldSelector(spec: FieldSpec): string {
  return Object.entries(spec)
    .map(([name, sub]) => (sub === true ? name : `${name}[${fieldSelector(sub)}]`))
    .join('|')
}

// ---- typed selections -----------------------------------------------------------------------

/** A checked field: how to read one value of type T from the answer. */
export interface Field<T> {
  readonly kind: 'field'
  /** What the field is, for error messages ("a string", "a LangDict"...). */
  readonly expected: string
  /** Reads a present value; answers `INVALID` when it does not fit. */
  read(value: unknown): T | typeof INVALID
  /** What a missing key reads as; `INVALID` when a missing key is an error. */
  readonly missing: T | typeof INVALID
  /** A field that is itself a selection (a list of referenced objects): its sub-selector. */
  readonly sub?: SelectionSpec
}

export const INVALID: unique symbol = Symbol('invalid')

export type SelectionSpec = { readonly [field: string]: true | Field<unknown> | SelectionSpec }

/** The parsed type of a selection spec. */
export type ParsedSpec<S> = {
  -readonly [K in keyof S]: S[K] extends true
    ? unknown
    : S[K] extends Field<infer T>
      ? T
      : S[K] extends SelectionSpec
        ? ParsedSpec<S[K]> | null
        : never
}

export interface FieldSelection<T> {
  /** The `fields` parameter to send. */
  readonly selector: string
  readonly spec: SelectionSpec
  /** Reads one object; throws a `bad_response` UsosError naming the first field that does not fit. */
  parse(value: unknown, where?: string): T
  /** Reads a list of objects. */
  parseList(value: unknown, where?: string): T[]
  /** Reads a multi-id answer: a dict of id to object or null. */
  parseMap(value: unknown, where?: string): Record<string, T | null>
  toString(): string
}

/** The type a selection parses to: `Selected<typeof meetingSel>`. */
export type Selected<S> = S extends FieldSelection<infer T> ? T : never

function isSelection(v: true | Field<unknown> | SelectionSpec): v is SelectionSpec {
  return v !== true && (v as { kind?: unknown }).kind !== 'field'
}

function selectorOf(spec: SelectionSpec): string {
  return Object.entries(spec)
    .map(([name, v]) => {
      if (v === true) return name
      if (isSelection(v)) return `${name}[${selectorOf(v)}]`
      return v.sub ? `${name}[${selectorOf(v.sub)}]` : name
    })
    .join('|')
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v

function fail(where: string, path: string, expected: string, got: unknown): never {
  throw new UsosError(
    'bad_response',
    `USOS answered ${where} with ${describe(got)} in ${path}, where ${expected} was expected.`,
    { method: where }
  )
}

function readSpec(spec: SelectionSpec, value: unknown, where: string, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(where, path, 'an object', value)
  const source = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(spec)) {
    const at = `${path}.${name}`
    const present = Object.prototype.hasOwnProperty.call(source, name)
    const v = source[name]
    if (field === true) {
      out[name] = v
    } else if (isSelection(field)) {
      out[name] = !present || v === null ? null : readSpec(field, v, where, at)
    } else if (!present) {
      if (field.missing === INVALID) fail(where, at, field.expected, undefined)
      out[name] = field.missing
    } else {
      const read = field.read(v)
      if (read === INVALID) fail(where, at, field.expected, v)
      out[name] = read
    }
  }
  return out
}

/** Builds a typed selection: the selector string, the parsed type and the parser, from one spec. */
export function fields<const S extends SelectionSpec>(spec: S): FieldSelection<ParsedSpec<S>> {
  const selector = selectorOf(spec)
  const parse = (value: unknown, where = 'a call', path = '$'): ParsedSpec<S> =>
    readSpec(spec, value, where, path) as ParsedSpec<S>
  return {
    selector,
    spec,
    parse: (value, where) => parse(value, where),
    parseList(value, where = 'a call') {
      if (!Array.isArray(value)) fail(where, '$', 'a list', value)
      return value.map((item, i) => parse(item, where, `$[${i}]`))
    },
    parseMap(value, where = 'a call') {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(where, '$', 'a dict', value)
      const out: Record<string, ParsedSpec<S> | null> = {}
      for (const [id, item] of Object.entries(value as Record<string, unknown>)) {
        out[id] = item === null ? null : parse(item, where, `$[${JSON.stringify(id)}]`)
      }
      return out
    },
    toString: () => selector
  }
}

// ---- field kinds ----------------------------------------------------------------------------

function leaf<T>(expected: string, read: (v: unknown) => T | typeof INVALID): Field<T> {
  return { kind: 'field', expected, read, missing: INVALID }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

function readLangDict(v: unknown): LangDict | typeof INVALID {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return INVALID
  const d = v as Record<string, unknown>
  const part = (x: unknown) => (typeof x === 'string' ? x : x === null || x === undefined ? null : INVALID)
  const pl = part(d.pl)
  const en = part(d.en)
  return pl === INVALID || en === INVALID ? INVALID : { pl, en }
}

function nested<T>(inner: Field<T> | SelectionSpec): Field<T> {
  if (!isSelection(inner as SelectionSpec)) return inner as Field<T>
  const spec = inner as SelectionSpec
  return {
    kind: 'field',
    expected: 'an object',
    sub: spec,
    missing: INVALID,
    read: (v) => {
      try {
        return readSpec(spec, v, '', '') as T
      } catch {
        return INVALID
      }
    }
  }
}

type Inner<X> = X extends Field<infer T> ? T : X extends SelectionSpec ? ParsedSpec<X> : never

/** The kinds of typed fields. */
export const f = {
  /** Asked for, not checked. */
  unknown: leaf<unknown>('anything', (v) => v),
  string: leaf<string>('a string', (v) => (typeof v === 'string' ? v : INVALID)),
  number: leaf<number>('a number', (v) => (typeof v === 'number' && Number.isFinite(v) ? v : INVALID)),
  boolean: leaf<boolean>('a boolean', (v) => (typeof v === 'boolean' ? v : INVALID)),
  /** An id: USOS sends some as numbers, some as strings; read as a string. */
  id: leaf<string>('an id', (v) =>
    typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : INVALID
  ),
  /** `{"pl": ..., "en": ...}`, either part possibly empty or null. */
  langDict: leaf<LangDict>('a LangDict', readLangDict),
  /** "YYYY-MM-DD", the installation's local date. */
  date: leaf<string>('a date "YYYY-MM-DD"', (v) => (typeof v === 'string' && DATE.test(v) ? v : INVALID)),
  /** "YYYY-MM-DD HH:MM:SS", the installation's local time (no zone). */
  datetime: leaf<string>('a datetime "YYYY-MM-DD HH:MM:SS"', (v) =>
    typeof v === 'string' && DATETIME.test(v) ? v : INVALID
  ),
  /** One of the given strings. */
  oneOf<const V extends readonly string[]>(...values: V): Field<V[number]> {
    return leaf(`one of ${values.join(', ')}`, (v) =>
      typeof v === 'string' && values.includes(v) ? (v as V[number]) : INVALID
    )
  },
  /** null allowed (and a missing key reads as null). */
  nullable<X extends Field<unknown> | SelectionSpec>(inner: X): Field<Inner<X> | null> {
    const field = nested<Inner<X>>(inner as Field<Inner<X>> | SelectionSpec)
    return {
      ...field,
      expected: `${field.expected} or null`,
      missing: null,
      read: (v) => (v === null ? null : field.read(v))
    }
  },
  /** A missing key reads as undefined (fields some installations leave out). */
  optional<X extends Field<unknown> | SelectionSpec>(inner: X): Field<Inner<X> | undefined> {
    const field = nested<Inner<X>>(inner as Field<Inner<X>> | SelectionSpec)
    return { ...field, missing: undefined }
  },
  /** A list of values, or of referenced objects (`dates: f.list({ id: f.id })` asks `dates[id]`). */
  list<X extends Field<unknown> | SelectionSpec>(inner: X): Field<Inner<X>[]> {
    const field = nested<Inner<X>>(inner as Field<Inner<X>> | SelectionSpec)
    return {
      kind: 'field',
      expected: `a list of ${field.expected.replace(/^an? /, '')}s`,
      ...(field.sub ? { sub: field.sub } : {}),
      missing: INVALID,
      read: (v) => {
        if (!Array.isArray(v)) return INVALID
        const out: Inner<X>[] = []
        for (const item of v) {
          const r = field.read(item)
          if (r === INVALID) return INVALID
          out.push(r)
        }
        return out
      }
    }
  }
}

/**
 * Every one of the 70 documented methods as a typed function, built from the generated method
 * table (one place per method: name, parameters and their types, defaults, authorization, result
 * shape), so that no method can be missing or misspelt:
 *
 *   client.meetings.lecturer({ fields: 'id|name' })          // Promise<unknown[]>
 *   client.meetings.lecturer({ fields: meetingSel })          // Promise<Selected<typeof meetingSel>[]>, parsed
 *   client.slips.toBeAnswered({ langpref: 'pl' })
 *   client.exams.examGroup({ exam_id: 7, group_number: 1 })
 *   client.meetings.meetings({ meeting_ids: manyIds })        // batched, merged, null for unknown ids
 *
 * Module and method names are camelCase on the client; `usosApi(client)` offers the same functions
 * under the reference's own names (`api.meetings.meeting_all_dates`). Parameter names are the
 * reference's. Before anything is sent, required parameters are checked and unknown ones refused;
 * lists are pipe-joined, dictionaries JSON-encoded, a typed `fields` selection sent as its selector
 * and used to parse the answer. Consumer-only methods ("Token: ignored") are signed without the
 * token; multi-id methods go through `callMulti`.
 */
import { UsosError } from './errors'
import type { FieldSelection } from './fields'
import type { MethodSpec } from './method-spec'
import { USOS_METHODS, type UsosMethodParams } from './methods.generated'
import type { Params, ParamValue, UsosClient } from './client'

export type UsosMethodName = keyof UsosMethodParams
type ModuleOf<K> = K extends `${infer M}/${string}` ? M : never
export type UsosModule = ModuleOf<UsosMethodName>

/** `to_be_answered` → `toBeAnswered`. */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S

export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

type SpecOf<K> = Extract<(typeof USOS_METHODS)[number], { name: K }>
type ReturnsOf<K> = SpecOf<K> extends { returns: infer R } ? R : 'other'

/** An answer read with a typed `fields` selection, in the method's documented shape. */
export type Shaped<R, T> = R extends 'list'
  ? T[]
  : R extends 'map'
    ? Record<string, T | null>
    : R extends 'object'
      ? T
      : unknown
/** An answer not parsed further than its documented shape. */
export type Unparsed<R> = R extends 'list'
  ? unknown[]
  : R extends 'map'
    ? Record<string, unknown>
    : R extends 'object'
      ? Record<string, unknown>
      : unknown

export interface CallOptions {
  signal?: AbortSignal
  /** Multi-id methods: ids per request (default DEFAULT_MULTI_BATCH). */
  batchSize?: number
}

type P<K extends UsosMethodName> = UsosMethodParams[K]

type Plain<K extends UsosMethodName> =
  Record<string, never> extends P<K>
    ? (params?: P<K>, opts?: CallOptions) => Promise<Unparsed<ReturnsOf<K>>>
    : (params: P<K>, opts?: CallOptions) => Promise<Unparsed<ReturnsOf<K>>>

type WithSelection<K extends UsosMethodName> = <T>(
  params: Omit<P<K>, 'fields'> & { fields: FieldSelection<T> },
  opts?: CallOptions
) => Promise<Shaped<ReturnsOf<K>, T>>

/** The function for one method: with a typed `fields` selection its answer is parsed and typed. */
export type UsosMethodFn<K extends UsosMethodName> = 'fields' extends keyof P<K>
  ? WithSelection<K> & Plain<K>
  : Plain<K>

/** The typed API, camelCase: `client.slips.toBeAnswered(...)`. */
export type UsosApi = {
  [M in UsosModule]: {
    [K in UsosMethodName as K extends `${M}/${infer N}` ? CamelCase<N> : never]: UsosMethodFn<K>
  }
}

/** The same functions under the reference's names: `usosApi(client).meetings.meeting_all_dates(...)`. */
export type UsosApiByReferenceName = {
  [M in UsosModule]: {
    [K in UsosMethodName as K extends `${M}/${infer N}` ? N : never]: UsosMethodFn<K>
  }
}

export const methodSpecs: ReadonlyMap<string, MethodSpec> = new Map(
  USOS_METHODS.map((m) => [m.name, m as MethodSpec])
)

/** Parameters the client sets itself. */
const CLIENT_OWNED = new Set(['format', 'callback'])

function isSelection(v: unknown): v is FieldSelection<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { selector?: unknown }).selector === 'string'
}

/** Refuses, before sending, a call that lacks a required parameter or names one the method has not. */
export function checkParams(spec: MethodSpec, params: Readonly<Record<string, unknown>>): void {
  for (const p of spec.params) {
    const v = params[p.name]
    if (p.required && (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))) {
      throw new UsosError('usos', `services/${spec.name} needs the parameter ${p.name}.`, {
        usosCode: 'param_missing',
        paramName: p.name,
        method: spec.name
      })
    }
  }
  const known = new Set(spec.params.map((p) => p.name).filter((n) => !CLIENT_OWNED.has(n)))
  for (const [name, v] of Object.entries(params)) {
    if (v === undefined) continue
    if (!known.has(name)) {
      throw new UsosError('usos', `services/${spec.name} has no parameter ${name}.`, {
        usosCode: 'param_invalid',
        paramName: name,
        method: spec.name
      })
    }
  }
}

/** The parameters as the client sends them. */
function wireParams(spec: MethodSpec, params: Readonly<Record<string, unknown>>): Params {
  const out: Params = {}
  for (const [name, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue
    const kind = spec.params.find((p) => p.name === name)?.type
    if (isSelection(v)) out[name] = v.selector
    else if (kind === 'json' && typeof v === 'object') out[name] = JSON.stringify(v)
    else out[name] = v as ParamValue
  }
  return out
}

function expectShape(spec: MethodSpec, value: unknown): unknown {
  const isDict = typeof value === 'object' && value !== null && !Array.isArray(value)
  const ok = spec.returns === 'list' ? Array.isArray(value) : spec.returns === 'other' ? true : isDict
  if (!ok) {
    const expected = spec.returns === 'list' ? 'a list' : 'a dict'
    throw new UsosError('bad_response', `USOS answered ${spec.name} with something other than ${expected}.`, {
      method: spec.name
    })
  }
  return value
}

type AnyFn = (params?: Readonly<Record<string, unknown>>, opts?: CallOptions) => Promise<unknown>

function methodFn(client: UsosClient, spec: MethodSpec): AnyFn {
  return async (params = {}, opts = {}) => {
    checkParams(spec, params)
    const selection = isSelection(params.fields) ? params.fields : null
    const wire = wireParams(spec, params)
    const signer = spec.token === 'ignored' ? client.withToken(null) : client
    const signal = opts.signal ? { signal: opts.signal } : {}
    let value: unknown
    if (spec.multi) {
      const raw = wire[spec.multi]
      const ids = Array.isArray(raw) ? raw : String(raw).split('|').filter(Boolean)
      const rest = { ...wire }
      delete rest[spec.multi]
      value = await signer.callMulti(spec.name, spec.multi, ids, rest, {
        ...signal,
        ...(opts.batchSize ? { batchSize: opts.batchSize } : {})
      })
    } else {
      value = expectShape(spec, await signer.call(spec.name, wire, signal))
    }
    if (!selection) return value
    if (spec.returns === 'list') return selection.parseList(value, spec.name)
    if (spec.returns === 'map') return selection.parseMap(value, spec.name)
    if (spec.returns === 'object') return selection.parse(value, spec.name)
    return value
  }
}

/** One module's functions, camelCase (what `client.meetings` etc. answer). */
export function createModuleApi<M extends UsosModule>(client: UsosClient, module: M): UsosApi[M] {
  const api: Record<string, AnyFn> = {}
  for (const spec of methodSpecs.values()) {
    const [mod, name] = spec.name.split('/') as [string, string]
    if (mod === module) api[camelCase(name)] = methodFn(client, spec)
  }
  return api as unknown as UsosApi[M]
}

/** The typed API under the reference's own method names. */
export function usosApi(client: UsosClient): UsosApiByReferenceName {
  const api: Record<string, Record<string, AnyFn>> = {}
  for (const spec of methodSpecs.values()) {
    const [mod, name] = spec.name.split('/') as [string, string]
    ;(api[mod] ??= {})[name] = methodFn(client, spec)
  }
  return api as unknown as UsosApiByReferenceName
}

/**
 * Renders the slips module's objects through validated selectors. The framework validates `fields`
 * (ctx.fields) and renders the common modules' objects (ctx.select); the module walks its own types
 * because some of their shapes (the slip's `questions` dict) do not fit the framework's field model.
 */
import { UsosApiError, type CallContext, type Json, type Selector } from '../../framework/types'
import { slipsTypeByName } from './types'
import { FOREIGN_FIELD } from './types/misc'

/** Sub-selectors for references asked for without brackets, keyed by dotted path from the root. */
export type BareDefaults = Readonly<Record<string, Selector>>

/** A flat selector from a constant "a|b|c". */
export function flat(spec: string): Selector {
  return new Map(spec.split('|').map((f) => [f, null] as const))
}

/** The pages describe bare user references as "id, first_name and last_name" and faculties as id|name. */
const FOREIGN_BARE: Record<string, Selector> = {
  'users/user': flat('id|first_name|last_name'),
  'fac/faculty': flat('id|name')
}

function defaultSelector(ref: string): Selector | null {
  const own = slipsTypeByName.get(ref)
  if (own) return flat(own.primary.join('|'))
  return FOREIGN_BARE[ref] ?? null
}

/** The defaults below a field: "questions.question" seen from inside "questions" is "question". */
function childDefaults(bare: BareDefaults, field: string): BareDefaults {
  const prefix = `${field}.`
  const out: Record<string, Selector> = {}
  for (const [path, s] of Object.entries(bare))
    if (path.startsWith(prefix)) out[path.slice(prefix.length)] = s
  return out
}

/** A user or faculty (owned by the common modules) through a selector; null when unknown. */
export function renderForeign(ctx: CallContext, ref: string, id: string, sub: Selector | null): Json {
  const key = FOREIGN_FIELD[ref]
  if (!key) return id
  const wrapped = ctx.select('slips/foreign_ref', id, new Map([[key, sub]]))
  if (wrapped && typeof wrapped === 'object' && !Array.isArray(wrapped)) return wrapped[key] ?? null
  return null
}

function renderRefValue(
  ctx: CallContext,
  ref: string,
  value: unknown,
  sub: Selector | null,
  bare: BareDefaults
): Json {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map((v) => renderRefValue(ctx, ref, v, sub, bare))
  if (slipsTypeByName.has(ref)) return render(ctx, ref, value, sub ?? defaultSelector(ref) ?? new Map(), bare)
  return renderForeign(ctx, ref, String(value), sub)
}

export function render(
  ctx: CallContext,
  typeName: string,
  entity: unknown,
  selector: Selector,
  bare: BareDefaults = {}
): Json {
  const type = slipsTypeByName.get(typeName)
  if (!type) throw new Error(`slips: unknown type ${typeName}`)
  const out: Record<string, Json> = {}
  for (const [name, sub] of selector) {
    const def = type.fields[name]
    if (!def) {
      throw new UsosApiError(400, 'param_invalid', `Unknown field "${name}" of ${typeName}.`, {
        param_name: 'fields'
      })
    }
    if (!def.ref) {
      const value = def.get(entity, ctx)
      out[name] = value === undefined ? null : (value as Json)
      continue
    }
    const effective = sub ?? bare[name] ?? defaultSelector(def.ref)
    const below = childDefaults(bare, name)
    if (def.render) {
      out[name] = def.render(entity, ctx, effective ?? new Map(), (t, e, s) =>
        renderRefValue(ctx, t, e, s, below)
      )
    } else {
      out[name] = renderRefValue(ctx, def.ref, def.get(entity, ctx), effective, below)
    }
  }
  return out
}

/** Fields documented as readable only for exactly one object are refused by multi and list methods. */
export function refuseSingleOnly(typeName: string, selector: Selector, param = 'fields', path = ''): void {
  const type = slipsTypeByName.get(typeName)
  if (!type) return
  for (const [name, sub] of selector) {
    const def = type.fields[name]
    if (!def) continue
    if (def.singleOnly) {
      throw new UsosApiError(
        400,
        'param_invalid',
        `The "${path}${name}" field is available only when reading exactly one object.`,
        { param_name: param }
      )
    }
    if (def.ref && sub) refuseSingleOnly(def.ref, sub, param, `${path}${name}.`)
  }
}

/** A deprecated sub-selector parameter (tpl_fields, sq_fields, ...) and where it applies. */
export interface DeprecatedFields {
  path: string
  param: string
  type: string
  fallback: string
}

/** Validates each deprecated parameter (or its documented default) into the bare defaults it implies. */
export function bareDefaults(ctx: CallContext, deprecated: DeprecatedFields[]): BareDefaults {
  const out: Record<string, Selector> = {}
  for (const d of deprecated) out[d.path] = ctx.fields(d.type, d.fallback, { param: d.param })
  return out
}

/**
 * The `fields` selector: `id|name|lecturer[id|first_name]|term`. Parsed once per call, checked
 * against the registered object types, then used to render entities. As USOS's errors page
 * (developers/api/definitions/errors/) defines them: an unknown field is `field_not_found` (with
 * `field_name` and `method_name`), sub-fields of a plain field `field_invalid`; a selector that
 * does not parse, or a secondary field inside a list method's nested selector, `param_invalid`.
 * A reference asked for without brackets renders its type's primary fields.
 */
import { invalid } from './params'
import { UsosApiError, type CallContext, type Json, type ObjectType, type Selector } from './types'

type MutableSelector = Map<string, MutableSelector | null>

export function parseSelector(text: string, param = 'fields'): Selector {
  let pos = 0
  const fail = (why: string) => invalid(param, `${why} (at position ${pos} of "${text}").`)
  const parseList = (depth: number): MutableSelector => {
    const out: MutableSelector = new Map()
    for (;;) {
      const m = /^[a-z0-9_]+/i.exec(text.slice(pos))
      if (!m) throw fail('a field name was expected')
      const name = m[0]
      pos += name.length
      let sub: MutableSelector | null = null
      if (text[pos] === '[') {
        pos++
        sub = parseList(depth + 1)
        if (text[pos] !== ']') throw fail('"]" was expected')
        pos++
      }
      if (out.has(name)) throw fail(`the field ${name} is given twice`)
      out.set(name, sub)
      if (text[pos] === '|') {
        pos++
        continue
      }
      if (pos === text.length || (text[pos] === ']' && depth > 0)) return out
      throw fail(`unexpected "${text[pos]}"`)
    }
  }
  if (text.trim() === '') throw invalid(param, 'the selector is empty.')
  const result = parseList(0)
  if (pos !== text.length) throw fail('unexpected "]"')
  return result
}

export class TypeRegistry {
  private readonly types = new Map<string, ObjectType<unknown>>()

  register(type: ObjectType<never>): void {
    if (this.types.has(type.name)) throw new Error(`object type ${type.name} registered twice`)
    this.types.set(type.name, type as unknown as ObjectType<unknown>)
  }

  get(name: string): ObjectType<unknown> {
    const t = this.types.get(name)
    if (!t) throw new Error(`unknown object type ${name}`)
    return t
  }

  /** Refuses what the type does not have, as USOS does. */
  validate(
    typeName: string,
    selector: Selector,
    opts: { param: string; listMethod: boolean; method: string },
    nested = false
  ): void {
    const type = this.get(typeName)
    for (const [name, sub] of selector) {
      const def = type.fields[name]
      if (!def)
        throw new UsosApiError(400, 'field_not_found', `Field "${name}" does not exist in ${type.name}.`, {
          field_name: name,
          method_name: `services/${opts.method}`
        })
      if (def.secondary && nested && opts.listMethod) {
        throw invalid(
          opts.param,
          `"${name}" is a secondary field of ${type.name}; it cannot be used in a nested selector here.`
        )
      }
      if (sub) {
        if (!def.ref)
          throw new UsosApiError(
            400,
            'field_invalid',
            `Field "${name}" of ${type.name} is not an object: it takes no sub-fields.`,
            { field_name: name, method_name: `services/${opts.method}` }
          )
        this.validate(def.ref, sub, opts, true)
      }
    }
  }

  primarySelector(typeName: string): Selector {
    return new Map(this.get(typeName).primary.map((f) => [f, null]))
  }

  render(typeName: string, entity: unknown, selector: Selector, ctx: CallContext): Json {
    if (entity === null || entity === undefined) return null
    const type = this.get(typeName)
    const out: Record<string, Json> = {}
    for (const [name, sub] of selector) {
      const def = type.fields[name]
      if (!def) continue
      const value = def.get(entity as never, ctx)
      out[name] = def.ref ? this.renderRef(def.ref, value, sub, ctx) : ((value ?? null) as Json)
    }
    return out
  }

  private renderRef(typeName: string, value: unknown, sub: Selector | null, ctx: CallContext): Json {
    if (value === null || value === undefined) return null
    if (Array.isArray(value)) return value.map((v) => this.renderRef(typeName, v, sub, ctx))
    const type = this.get(typeName)
    const entity =
      typeof value === 'string' || typeof value === 'number'
        ? type.load
          ? type.load(value, ctx)
          : null
        : value
    if (entity === null || entity === undefined) return null
    return this.render(typeName, entity, sub ?? this.primarySelector(typeName), ctx)
  }
}

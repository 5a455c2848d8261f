/** The slips module's own flavour of the framework's ObjectType (it renders its types itself). */
import type { CallContext, FieldDef, Json, ObjectType, Selector } from '../../../framework/types'
import type { Verdict } from '../permissions'

/** Renders a referenced slips object (or list of them) through a sub-selector. */
export type RenderRef = (typeName: string, entity: unknown, sub: Selector) => Json

export interface SlipsFieldDef<E> extends FieldDef<E> {
  /**
   * Structures the framework's field model cannot express (the slip's `questions` is a dict of
   * lists keyed by template id): the field renders itself with its validated sub-selector.
   */
  render?(entity: E, ctx: CallContext, sub: Selector, renderRef: RenderRef): Json
  /** Documented as available only when exactly one object is read (refused by multi and list methods). */
  singleOnly?: boolean
}

export interface SlipsType<E> {
  name: string
  fields: Record<string, SlipsFieldDef<E>>
  primary: string[]
  load?(id: string | number, ctx: CallContext): E | null
}

/** The framework registry takes types of any entity; its field getters are only called with ours. */
export function forFramework<E>(t: SlipsType<E>): ObjectType<never> {
  return t as unknown as ObjectType<never>
}

export const bool = (v: number): boolean => v !== 0

/** A `why_cant_i_*` value: null when allowed, else the localized reason. */
export const why = (v: Verdict): Json => (v.ok ? null : { ...v.why })

/**
 * The shape of one USOS API method as its reference page describes it (the generated table in
 * methods.generated.ts holds all 70), and the parameter types the typed API accepts.
 */
import type { FieldSelection } from './fields'

/** How a parameter's value is read, from its description on the reference page. */
export type ParamKind = 'string' | 'integer' | 'boolean' | 'list' | 'enum' | 'json' | 'fields'

export interface ParamSpec {
  name: string
  required: boolean
  /** Marked "deprecated" on the page: optional, and best left out. */
  deprecated: boolean
  /** The default as documented ("(empty string)" becomes ""), or null when none is given. */
  default: string | null
  type: ParamKind
  /** "Possible values: ..." as listed on the page. */
  values: readonly string[]
  /** The first paragraph of the description. */
  description: string
}

export interface MethodSpec {
  /** `meetings/lecturer` (after `services/`). */
  name: string
  module: string
  summary: string
  /** "Consumer: required | optional | required (administrative)". */
  consumer: 'required' | 'optional' | 'administrative'
  /** "Token: required | optional | ignored". */
  token: 'required' | 'optional' | 'ignored'
  scopes: readonly string[]
  /** "SSL: required". */
  ssl: boolean
  beta: boolean
  /** Changes state in USOS (by its name): a timeout is an unknown outcome, never retried blindly. */
  write: boolean
  /** For multi-id methods (the answer maps the ids sent to objects): the parameter with the ids. */
  multi: string | null
  /** The result's shape as the page describes it. */
  returns: 'object' | 'list' | 'map' | 'other'
  params: readonly ParamSpec[]
}

/** A free-text parameter (ids are sent as text too). */
export type StringParam = string | number
export type IntegerParam = number | string
/** A list: sent pipe-joined (`12|13|14`); a string is sent as it is. */
export type ListParam = string | number | readonly (string | number)[]
/** A dictionary the page asks for as JSON: an object is JSON-encoded, a string sent as it is. */
export type JsonParam = string | { readonly [key: string]: unknown }
/** A `fields` selector: a string, or a typed selection built with `fields({...})`. */
export type FieldsParam = string | FieldSelection<unknown>
export type NoParams = Record<string, never>

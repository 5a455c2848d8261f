/** One USOS API method as its reference page describes it. */
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
  ssl: boolean
  beta: boolean
  params: ReadonlyArray<{ name: string; required: boolean; default: string | null }>
}

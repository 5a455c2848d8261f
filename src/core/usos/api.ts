/**
 * Every one of the 70 documented methods as a typed function: `usosApi(client).meetings.lecturer({...})`.
 * Built from the generated method table (one place per method: name, parameters, defaults,
 * authorization), so a method cannot be missing or misspelt. Required parameters are checked
 * before anything is sent; consumer-only methods ("Token: ignored") are signed without the token.
 */
import { UsosError } from './errors'
import type { MethodSpec } from './method-spec'
import { USOS_METHODS, type UsosMethodParams } from './methods.generated'
import type { Params, UsosClient } from './client'

type MethodName = keyof UsosMethodParams
type ModuleOf<K> = K extends `${infer M}/${string}` ? M : never
export type UsosModule = ModuleOf<MethodName>

type CallOptions = { signal?: AbortSignal }
type Call<P> =
  Record<string, never> extends P
    ? (params?: P, opts?: CallOptions) => Promise<unknown>
    : (params: P, opts?: CallOptions) => Promise<unknown>

export type UsosApi = {
  [Mod in UsosModule]: {
    [K in MethodName as K extends `${Mod}/${infer N}` ? N : never]: Call<UsosMethodParams[K]>
  }
}

export const methodSpecs: ReadonlyMap<string, MethodSpec> = new Map(
  USOS_METHODS.map((m) => [m.name, m as MethodSpec])
)

/** Refuses, before sending, a call that lacks a required parameter or names one the method has not. */
export function checkParams(spec: MethodSpec, params: Params): void {
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
  const known = new Set(spec.params.map((p) => p.name))
  for (const name of Object.keys(params)) {
    if (!known.has(name)) {
      throw new UsosError('usos', `services/${spec.name} has no parameter ${name}.`, {
        usosCode: 'param_invalid',
        paramName: name,
        method: spec.name
      })
    }
  }
}

export function usosApi(client: UsosClient): UsosApi {
  const api: Record<string, Record<string, (params?: Params, opts?: CallOptions) => Promise<unknown>>> = {}
  for (const spec of methodSpecs.values()) {
    const [module, method] = spec.name.split('/') as [string, string]
    api[module] ??= {}
    ;(api[module] as Record<string, unknown>)[method] = async (
      params: Params = {},
      opts: CallOptions = {}
    ) => {
      checkParams(spec, params)
      const signer = spec.token === 'ignored' ? client.withToken(null) : client
      return signer.call(spec.name, params, opts.signal ? { signal: opts.signal } : {})
    }
  }
  return api as unknown as UsosApi
}

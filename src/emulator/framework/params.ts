import { UsosApiError, type Params } from './types'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

export const missing = (name: string) =>
  new UsosApiError(400, 'param_missing', `Required parameter ${name} is missing.`, { param_name: name })
export const invalid = (name: string, why: string) =>
  new UsosApiError(400, 'param_invalid', `Invalid value of parameter ${name}: ${why}`, { param_name: name })

/** The call's parameters (query string and form body merged; the first value of a name wins). */
export class RequestParams implements Params {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  has(name: string): boolean {
    return this.values.has(name)
  }
  raw(name: string): string | undefined {
    return this.values.get(name)
  }
  requiredString(name: string): string {
    const v = this.values.get(name)
    if (v === undefined || v === '') throw missing(name)
    return v
  }
  string(name: string, fallback?: string): string | undefined {
    const v = this.values.get(name)
    return v === undefined || v === '' ? fallback : v
  }
  requiredInt(name: string): number {
    return this.toInt(name, this.requiredString(name))
  }
  int(name: string, fallback?: number): number | undefined {
    const v = this.string(name)
    return v === undefined ? fallback : this.toInt(name, v)
  }
  private toInt(name: string, v: string): number {
    if (!/^-?\d{1,15}$/.test(v)) throw invalid(name, `"${v}" is not an integer.`)
    return Number(v)
  }
  bool(name: string, fallback: boolean): boolean {
    const v = this.string(name)
    if (v === undefined) return fallback
    if (v === 'true') return true
    if (v === 'false') return false
    throw invalid(name, `expected "true" or "false", got "${v}".`)
  }
  list(name: string, opts: { required?: boolean; max?: number } = {}): string[] {
    const v = opts.required ? this.requiredString(name) : this.string(name)
    if (v === undefined) return []
    const items = v.split('|').filter((x) => x !== '')
    if (opts.required && items.length === 0) throw missing(name)
    if (opts.max !== undefined && items.length > opts.max)
      throw invalid(name, `at most ${opts.max} values are allowed.`)
    return items
  }
  oneOf<T extends string>(name: string, values: readonly T[], fallback?: T): T | undefined {
    const v = this.string(name)
    if (v === undefined) return fallback
    if (!(values as readonly string[]).includes(v))
      throw invalid(name, `must be one of ${values.join(', ')}.`)
    return v as T
  }
  requiredOneOf<T extends string>(name: string, values: readonly T[]): T {
    this.requiredString(name)
    return this.oneOf(name, values) as T
  }
  date(name: string, opts: { required?: boolean } = {}): string | undefined {
    const v = opts.required ? this.requiredString(name) : this.string(name)
    if (v === undefined) return undefined
    const m = DATE.exec(v)
    if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3])))
      throw invalid(name, `"${v}" is not a date (YYYY-MM-DD).`)
    return v
  }
  datetime(name: string, opts: { required?: boolean } = {}): string | undefined {
    const v = opts.required ? this.requiredString(name) : this.string(name)
    if (v === undefined) return undefined
    const m = DATETIME.exec(v)
    if (
      !m ||
      !realDate(Number(m[1]), Number(m[2]), Number(m[3])) ||
      Number(m[4]) > 23 ||
      Number(m[5]) > 59 ||
      Number(m[6]) > 59
    ) {
      throw invalid(name, `"${v}" is not a datetime (YYYY-MM-DD HH:MM:SS).`)
    }
    return v
  }
}

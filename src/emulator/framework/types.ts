/**
 * The contract between the demo installation's framework (server, OAuth, parameters, field
 * selectors) and its modules (meetings, slips, exams, and the referenced common modules).
 * Modules code against these types only; the framework implements them.
 */
import type Database from 'better-sqlite3'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export interface LangDict {
  pl: string | null
  en: string | null
  [key: string]: string | null
}

/** HTTP status and JSON body exactly as USOS answers a refused call. */
export class UsosApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 500,
    /** `param_missing`, `param_invalid`, `object_not_found`, `method_forbidden`, ... */
    readonly error: string,
    message: string,
    readonly extra: {
      param_name?: string
      /** One string (USOS's errors page: "we may provide an additional reason key"). */
      reason?: string
      missing_scopes?: string[]
      [key: string]: Json | undefined
    } = {}
  ) {
    super(message)
    this.name = 'UsosApiError'
  }

  body(): Record<string, Json> {
    const body: Record<string, Json> = { message: this.message, error: this.error }
    for (const [k, v] of Object.entries(this.extra)) if (v !== undefined) body[k] = v
    return body
  }
}

/** "Consumer: required Token: ignored|optional|required" on the reference pages. */
export type AuthMode = 'consumer' | 'token_optional' | 'token'

export type DemoRole = 'lecturer' | 'student' | 'template_admin' | 'administrator'

export interface DemoUser {
  id: string
  role: DemoRole
}

/** Typed access to the call's parameters; every getter throws the USOS error for bad input. */
export interface Params {
  has(name: string): boolean
  raw(name: string): string | undefined
  /** param_missing when absent or empty. */
  requiredString(name: string): string
  string(name: string, fallback?: string): string | undefined
  requiredInt(name: string): number
  int(name: string, fallback?: number): number | undefined
  /** `true` / `false` only; anything else is param_invalid. */
  bool(name: string, fallback: boolean): boolean
  /** Pipe-separated list; empty items dropped. */
  list(name: string, opts?: { required?: boolean; max?: number }): string[]
  oneOf<T extends string>(name: string, values: readonly T[], fallback?: T): T | undefined
  requiredOneOf<T extends string>(name: string, values: readonly T[]): T
  /** `YYYY-MM-DD`, validated as a real calendar date. */
  date(name: string, opts?: { required?: boolean }): string | undefined
  /** `YYYY-MM-DD HH:MM:SS`, validated. */
  datetime(name: string, opts?: { required?: boolean }): string | undefined
}

/** A parsed `fields` selector: field name -> its sub-selector (null when given without brackets). */
export type Selector = ReadonlyMap<string, Selector | null>

/**
 * What USOS's documentation leaves open, as a switch of the demo installation, so that the
 * client is tested against every plausible answer (README: "USOS conventions the app relies on").
 * - `ids`: the datatypes page says "we will try to always return the string version of their
 *   identifiers", but not whether meetings and exams ids are strings: `number` (default) or `string`.
 * - `slipsRefusals`: how issue_slip, update_slip and delete_slip refuse: a 4xx error with
 *   `user_messages` (`http_error`, default: a real answer quoted in jquery-usos, doc/api/forms.md)
 *   or HTTP 200 `{"success": false, "user_messages"}` as the template editing pages document.
 */
export interface AnswerStyle {
  ids: 'number' | 'string'
  slipsRefusals: 'http_error' | 'success_false'
}

export const DEFAULT_ANSWER_STYLE: AnswerStyle = { ids: 'number', slipsRefusals: 'http_error' }

/** The environment variable that chooses the answer style for a whole run (CI's second run). */
export const ANSWERS_ENV = 'OFFICE_HOURS_DEMO_ANSWERS'

/**
 * Reads `ids=string,slips_refusals=success_false` (either part may be left out). Throws a
 * one-line error on anything else.
 */
export function parseAnswerStyle(text: string | undefined): Partial<AnswerStyle> {
  const out: Partial<AnswerStyle> = {}
  for (const part of (text ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split('=')
    if (key === 'ids' && (value === 'number' || value === 'string')) out.ids = value
    else if (key === 'slips_refusals' && (value === 'http_error' || value === 'success_false'))
      out.slipsRefusals = value
    else
      throw new Error(
        `${ANSWERS_ENV}: "${part}" is not ids=number|string or slips_refusals=http_error|success_false`
      )
  }
  return out
}

export interface CallContext {
  db: Database.Database
  /** The answer style chosen where the documentation is silent. */
  answers: AnswerStyle
  params: Params
  /** The token's user; null for consumer-only calls (and token_optional calls without a token). */
  user: DemoUser | null
  /** Throws the USOS 401/403 error when the call has no user. */
  requireUser(): DemoUser
  consumer: { key: string; administrative: boolean }
  scopes: ReadonlySet<string>
  /** The server's clock; tests may move it. */
  now(): Date
  /**
   * Parses `fields` (or its default) against a registered object type, refusing unknown fields with
   * param_invalid. `nested` marks list methods, where fields flagged `secondary` are refused.
   */
  fields(typeName: string, defaultSelector: string, opts?: { param?: string; listMethod?: boolean }): Selector
  /** Renders an entity of a registered type through a selector (nested references resolved). */
  select(typeName: string, entity: unknown, selector: Selector): Json
}

export interface FieldDef<E> {
  /** Plain value, or for a reference the referenced entity (or array of them, or null). */
  get(entity: E, ctx: CallContext): unknown
  /** Registered type name of the referenced object, for a field that references one. */
  ref?: string
  /** "Secondary" fields: not allowed in nested selectors of list methods. */
  secondary?: boolean
}

export interface ObjectType<E = unknown> {
  /** e.g. `meetings/meeting`, `users/user`, `slips/template`. */
  name: string
  fields: Record<string, FieldDef<E>>
  /** What a reference asked for without brackets renders (primary fields). */
  primary: string[]
  /** Turns an id (as a reference field may return) into the entity; null when it does not exist. */
  load?(id: string | number, ctx: CallContext): E | null
}

export interface MethodDef {
  /** Path after `services/`, e.g. `meetings/lecturer`. */
  name: string
  auth: AuthMode
  /** Needs a consumer key marked administrative. */
  administrative?: boolean
  /** Scopes the token must carry. */
  scopes?: string[]
  /** "Consumer: optional": may be called unsigned. */
  anonymous?: boolean
  handler(ctx: CallContext): Json | Promise<Json>
}

/** Deterministic random numbers for the seeded data generator. */
export interface Rng {
  next(): number
  int(min: number, maxInclusive: number): number
  bool(probability?: number): boolean
  pick<T>(items: readonly T[]): T
  shuffle<T>(items: readonly T[]): T[]
}

export type Scale = 'small' | 'medium' | 'large'

/** What the common modules seed, for the other modules' generators to reference. */
export interface SeedWorld {
  scale: Scale
  /** The day the data is centred on (YYYY-MM-DD, Europe/Warsaw): the current term spans it. */
  referenceDate: string
  users: {
    /** The demo sign-in choices, one per role. */
    demo: Record<DemoRole, string>
    staff: string[]
    students: string[]
  }
  /** Faculty ids, root first; faculties form a tree. */
  faculties: string[]
  /** Term ids, the current one first. */
  terms: string[]
  currentTerm: { id: string; start_date: string; end_date: string }
  rooms: number[]
  courseUnits: number[]
  /** Groups as (course_unit_id, group_number). */
  groups: Array<{ course_unit_id: number; group_number: number }>
  courses: string[]
}

export interface EmulatorModule {
  name: string
  /** Creates the module's tables (idempotent: CREATE TABLE IF NOT EXISTS). */
  migrate(db: Database.Database): void
  /** Fills the tables on a fresh data directory. */
  seed(db: Database.Database, world: SeedWorld, rng: Rng): void
  types: ObjectType<never>[]
  methods: MethodDef[]
  /**
   * What the installation's staff do in USOSweb, not through the API (e.g. creating meeting dates):
   * `POST /__demo/<name>` with a JSON body, loopback only. Answers JSON; throws UsosApiError to refuse.
   */
  demoActions?: Record<string, (db: Database.Database, body: Json, now: Date) => Json>
}

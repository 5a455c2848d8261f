import { AppError, type ErrorCode } from '../../shared/errors'
import type { LangDict } from '../../shared/types'

/**
 * What went wrong with a USOS call:
 * - `usos`: USOS refused it (HTTP 400 with its error code: `param_missing`, `object_not_found`...)
 * - `unauthorized`: HTTP 401, an OAuth problem (token expired or revoked: sign in again)
 * - `forbidden`: HTTP 403 (permissions; `missingScopes` may say which scopes the token lacks)
 * - `not_found`: HTTP 404 (an unknown method)
 * - `server`: HTTP 5xx (retried for reads before it surfaces)
 * - `network`: USOS out of reach (retried before it surfaces)
 * - `timeout`: no answer in time (reads; retried before it surfaces)
 * - `unknown_outcome`: a write that timed out, was cut off or was cancelled after it was sent: it
 *   may or may not have been applied; re-read USOS's state before trying again
 * - `cancelled`: cancelled through its AbortSignal before it was sent
 * - `bad_response`: an answer that is not what USOS answers (not JSON, HTML, cut off, wrong shape)
 * - `validation`: the slips module's HTTP 200 `{"success": false, "user_messages": ...}`
 */
export type UsosErrorKind =
  | 'usos'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'server'
  | 'network'
  | 'timeout'
  | 'unknown_outcome'
  | 'cancelled'
  | 'bad_response'
  | 'validation'

/** The app-wide error code of each kind (what the renderer branches on). */
export const USOS_ERROR_CODES: Readonly<Record<UsosErrorKind, ErrorCode>> = {
  usos: 'usos_error',
  validation: 'usos_error',
  unauthorized: 'not_signed_in',
  forbidden: 'forbidden',
  not_found: 'not_found',
  server: 'usos_error',
  network: 'offline',
  timeout: 'offline',
  unknown_outcome: 'offline',
  cancelled: 'offline',
  bad_response: 'usos_error'
}

/** The slips module's localized messages, as USOS gave them (LangDicts stay LangDicts). */
export interface UserMessages {
  generic: LangDict | null
  fields: Record<string, LangDict>
}

export interface UsosErrorInfo {
  status?: number | null
  usosCode?: string | null
  reasons?: readonly string[]
  paramName?: string | null
  missingScopes?: readonly string[]
  userMessages?: UserMessages | null
  /** The method called (`meetings/lecturer`); never its parameters. */
  method?: string | null
}

/**
 * A failed USOS call, typed: what kind of failure, and what USOS said (its error code, reasons,
 * the parameter at fault, scopes missing, or the slips module's localized user_messages). It never
 * carries secrets: no consumer or token secret, signature or Authorization header (the client
 * builds every message itself and scrubs what the server sends back).
 */
export class UsosError extends AppError {
  readonly kind: UsosErrorKind
  readonly status: number | null
  readonly usosCode: string | null
  readonly reasons: readonly string[]
  readonly paramName: string | null
  readonly missingScopes: readonly string[]
  readonly userMessages: UserMessages | null
  readonly method: string | null

  constructor(kind: UsosErrorKind, message: string, info: UsosErrorInfo = {}) {
    const fields = {
      kind,
      status: info.status ?? null,
      usosCode: info.usosCode ?? null,
      reasons: [...(info.reasons ?? [])],
      paramName: info.paramName ?? null,
      missingScopes: [...(info.missingScopes ?? [])],
      userMessages: info.userMessages ?? null,
      method: info.method ?? null
    }
    super(USOS_ERROR_CODES[kind], message, fields)
    this.name = 'UsosError'
    this.kind = kind
    this.status = fields.status
    this.usosCode = fields.usosCode
    this.reasons = fields.reasons
    this.paramName = fields.paramName
    this.missingScopes = fields.missingScopes
    this.userMessages = fields.userMessages
    this.method = fields.method
  }

  /** Worth trying again later as it is (the same call may well succeed). */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server'
  }
}

export function isUsosError(error: unknown): error is UsosError {
  return error instanceof UsosError
}

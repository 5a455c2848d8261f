import { AppError, type ErrorCode } from '../../shared/errors'
import type { LangDict } from '../../shared/types'

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

const CODES: Record<UsosErrorKind, ErrorCode> = {
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

export interface UserMessages {
  generic: LangDict | null
  fields: Record<string, LangDict>
}

/**
 * A failed USOS call, typed: what kind of failure, and what USOS said (its error code, reasons,
 * the parameter at fault, scopes missing, or the slips module's localized user_messages). It never
 * carries secrets: no signature, token or Authorization header.
 */
export class UsosError extends AppError {
  constructor(
    readonly kind: UsosErrorKind,
    message: string,
    readonly info: {
      status?: number | null
      usosCode?: string | null
      reasons?: string[]
      paramName?: string | null
      missingScopes?: string[]
      userMessages?: UserMessages | null
      method?: string
    } = {}
  ) {
    super(CODES[kind], message, {
      kind,
      status: info.status ?? null,
      usosCode: info.usosCode ?? null,
      reasons: info.reasons ?? [],
      paramName: info.paramName ?? null,
      missingScopes: info.missingScopes ?? [],
      userMessages: info.userMessages ?? null,
      method: info.method ?? null
    })
    this.name = 'UsosError'
  }

  get status(): number | null {
    return this.info.status ?? null
  }
  get usosCode(): string | null {
    return this.info.usosCode ?? null
  }
  get reasons(): string[] {
    return this.info.reasons ?? []
  }
  get paramName(): string | null {
    return this.info.paramName ?? null
  }
  get missingScopes(): string[] {
    return this.info.missingScopes ?? []
  }
  get userMessages(): UserMessages | null {
    return this.info.userMessages ?? null
  }
}

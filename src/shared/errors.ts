/**
 * The one error shape that crosses the boundary between main and renderer (IPC or the web
 * harness): a stable code to branch on, a message for people, details for the curious.
 */
export interface ErrorShape {
  code: ErrorCode
  message: string
  details?: unknown
}

export type ErrorCode =
  | 'invalid_argument'
  | 'unknown_method'
  | 'forbidden'
  | 'not_found'
  | 'not_signed_in'
  | 'offline'
  | 'usos_error'
  | 'conflict'
  | 'storage_error'
  | 'internal'

export class AppError extends Error implements ErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'AppError'
  }

  toShape(): ErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static fromShape(shape: ErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details)
  }
}

/** What every boundary call answers: the value, or the error in its one shape. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorShape }

export function isErrorShape(value: unknown): value is ErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorShape).code === 'string' &&
    typeof (value as ErrorShape).message === 'string'
  )
}

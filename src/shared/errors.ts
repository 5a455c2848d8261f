/**
 * The one error shape that crosses the boundary between main and renderer (IPC or the web
 * harness): a stable code to branch on, a message for people, details for the curious.
 */
export interface ErrorShape {
  code: ErrorCode
  message: string
  details?: unknown
  /**
   * The text's id in the renderer's translations (`errors.<key>`) with its parameters, for a
   * message the UI shows in its own language; `message` stays the English text for logs and the CLI.
   */
  key?: string
  params?: Record<string, string>
}

/** A translatable message: its id under `errors.` in the renderer's locales, and parameters. */
export interface MessageKey {
  key: string
  params?: Record<string, string>
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
  readonly key?: string
  readonly params?: Record<string, string>

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    text?: MessageKey
  ) {
    super(message)
    this.name = 'AppError'
    if (text) {
      this.key = text.key
      if (text.params) this.params = text.params
    }
  }

  toShape(): ErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.key ? { key: this.key } : {}),
      ...(this.params ? { params: this.params } : {})
    }
  }

  static fromShape(shape: ErrorShape): AppError {
    return new AppError(
      shape.code,
      shape.message,
      shape.details,
      shape.key ? { key: shape.key, ...(shape.params ? { params: shape.params } : {}) } : undefined
    )
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

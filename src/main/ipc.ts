/**
 * The API contract implemented once, as a plain object of async functions, and the boundary
 * that every caller goes through (Electron's ipcMain in electron-ipc.ts, the web harness in
 * web.ts): the method name is checked, the input validated, and any failure answered in the one
 * error shape. No Electron import here, so the same code runs under plain Node.
 */
import { isApiMethod, type ApiHandlers, type ApiMethod } from '../shared/api'
import { apiInputs } from '../shared/api-inputs'
import { AppError, type Envelope } from '../shared/errors'
import type { AppContext } from '../core/app/context'

export const INSTALLATION_TIME_ZONE = 'Europe/Warsaw'

export function createApiHandlers(ctx: AppContext): ApiHandlers {
  return {
    async getAppInfo() {
      return {
        name: 'USOS Office Hours',
        version: ctx.version,
        dataDir: ctx.dataDir,
        shell: ctx.shell === 'electron' ? 'electron' : 'web',
        timeZone: INSTALLATION_TIME_ZONE,
        schemaVersion: ctx.schemaVersion
      }
    },
    async getSettings() {
      return ctx.settings.get()
    },
    async updateSettings(patch) {
      const settings = ctx.settings.update(patch)
      ctx.events.emit('settingsChanged', settings)
      return settings
    }
  }
}

function toErrorShape(error: unknown): AppError {
  if (error instanceof AppError) return error
  // Unexpected failures keep their message for the log but cross as `internal`.
  const message = error instanceof Error ? error.message : String(error)
  return new AppError('internal', `Something went wrong inside the app: ${message}`)
}

/** Validates and runs one call; never throws. */
export async function callApi(
  handlers: ApiHandlers,
  method: unknown,
  input: unknown
): Promise<Envelope<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `No such call: ${String(method)}` } }
  }
  const parsed = apiInputs[method].safeParse(input ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_argument',
        message: `Invalid arguments for ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))
      }
    }
  }
  try {
    const run = handlers[method] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await run(parsed.data) }
  } catch (error) {
    return { ok: false, error: toErrorShape(error).toShape() }
  }
}

export type { ApiMethod }

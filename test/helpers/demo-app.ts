import { afterAll, beforeAll } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppContext, type AppContext } from '../../src/core/app/context'
import { inProcessDemo } from '../../src/main/demo'
import type { AnswerStyle, OptionalModule } from '../../src/emulator'
import { usosClientFactory } from '../../src/core/usos'
import { createApiHandlers } from '../../src/main/ipc'
import type { ApiHandlers } from '../../src/shared/api'

/**
 * The app's context and API handlers on a fresh profile with the in-process demo installation
 * (small scale), as the web harness builds them. `open` again on the same folder is a restart.
 */
export function openDemoApp(
  dataDir = mkdtempSync(join(tmpdir(), 'demo-app-')),
  answers?: Partial<AnswerStyle>,
  /** Modules the demo installation does not run (404 method_not_found for their methods). */
  without?: readonly OptionalModule[]
): {
  dataDir: string
  ctx: AppContext
  api: ApiHandlers
} {
  const ctx = createAppContext({
    dataDir,
    shell: 'web',
    version: '0',
    clientFactory: usosClientFactory,
    demo: inProcessDemo(dataDir, {
      scale: 'small',
      ...(answers ? { answers } : {}),
      ...(without ? { without } : {})
    })
  })
  return { dataDir, ctx, api: createApiHandlers(ctx) }
}

/**
 * For a describe block: a fresh profile signed in to the in-process demo as `role` and fully
 * synced before its tests, closed after them. Read `ctx` and `api` inside the tests.
 */
export function syncedDemo(role?: 'lecturer' | 'student' | 'template_admin' | 'administrator'): {
  readonly ctx: AppContext
  readonly api: ApiHandlers
} {
  let opened: { ctx: AppContext; api: ApiHandlers } | null = null
  beforeAll(async () => {
    opened = openDemoApp()
    await opened.api.startDemo(role ? { role } : {})
    await opened.api.sync({ full: true })
  }, 60_000)
  afterAll(async () => {
    await opened?.ctx.demo?.stop()
    opened?.ctx.close()
  })
  return {
    get ctx() {
      return opened!.ctx
    },
    get api() {
      return opened!.api
    }
  }
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startDemoServer, type AnswerStyle, type DemoServer, type OptionalModule } from '../emulator'
import type { DemoInstallation } from '../core/app/context'
import type { Clock } from '../shared/clock'

/**
 * The app's "Open the demo", composed here where the app is (the window, the web harness and the CLI
 * all use it): the core knows only the DemoInstallation interface, the demo installation knows
 * nothing of the core. No electron here, so the CLI may import it.
 *
 * The demo installation as the app runs it: in-process, on a random loopback port, its state in
 * the profile's `demo-installation/` folder (so changes made in the demo survive a restart).
 */
export function inProcessDemo(
  dataDir: string,
  options: {
    nativeBinding?: string
    scale?: 'small' | 'medium' | 'large'
    now?: Clock
    answers?: Partial<AnswerStyle>
    without?: readonly OptionalModule[]
  } = {}
): DemoInstallation {
  let server: Promise<DemoServer> | null = null
  const folder = join(dataDir, 'demo-installation')
  const portFile = join(folder, 'port')
  const start = async (): Promise<DemoServer> => {
    const common = {
      dataDir: folder,
      scale: options.scale ?? 'medium',
      ...(options.now ? { now: options.now } : {}),
      ...(options.answers ? { answers: options.answers } : {}),
      ...(options.without ? { without: options.without } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    } as const
    // The same port as last time keeps the demo account's address stable across restarts.
    const last = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0
    let s: DemoServer
    try {
      s = await startDemoServer({ ...common, port: Number.isInteger(last) ? last : 0 })
    } catch {
      s = await startDemoServer({ ...common, port: 0 })
    }
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    writeFileSync(portFile, new URL(s.baseUrl).port)
    return s
  }
  const started = () => {
    server ??= start()
    return server
  }
  return {
    async start() {
      const s = await started()
      return { baseUrl: s.baseUrl, consumerKey: s.consumerKey, consumerSecret: s.consumerSecret }
    },
    async approve(requestTokenKey, role) {
      return (await started()).approve(requestTokenKey, role)
    },
    async stop() {
      if (server) await (await server).close()
      server = null
    }
  }
}

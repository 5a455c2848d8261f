import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startDemoServer, type DemoServer } from '../../emulator'
import type { DemoInstallation } from './context'

/**
 * The demo installation as the app runs it: in-process, on a random loopback port, its state in
 * the profile's `demo-installation/` folder (so changes made in the demo survive a restart).
 */
export function inProcessDemo(
  dataDir: string,
  options: { nativeBinding?: string; scale?: 'small' | 'medium' | 'large' } = {}
): DemoInstallation {
  let server: Promise<DemoServer> | null = null
  const folder = join(dataDir, 'demo-installation')
  const portFile = join(folder, 'port')
  const start = async (): Promise<DemoServer> => {
    const common = {
      dataDir: folder,
      scale: options.scale ?? 'medium',
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

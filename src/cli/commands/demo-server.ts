import { OPTIONAL_MODULES, startDemoServer, type OptionalModule } from '../../emulator'
import { clockOption, intOption, parseOptions } from '../args'
import { CliError } from '../errors'
import type { CliCommand } from './index'

export const demoServerCommand: CliCommand = {
  summary: 'run the built-in demo USOS installation until stopped',
  async run(args, io) {
    const o = parseOptions(args, {
      port: { type: 'string' },
      scale: { type: 'string', default: 'medium' },
      seed: { type: 'string' },
      'latency-ms': { type: 'string' },
      'data-dir': { type: 'string' },
      'reference-date': { type: 'string' },
      now: { type: 'string' },
      without: { type: 'string' }
    })
    const scale = o.scale as string
    if (scale !== 'small' && scale !== 'medium' && scale !== 'large')
      throw new CliError(`--scale must be small, medium or large, got "${scale}"`)
    const without = (o.without ?? '').split(',').filter(Boolean)
    const unknown = without.find((m) => !(OPTIONAL_MODULES as readonly string[]).includes(m))
    if (unknown)
      throw new CliError(`--without takes ${OPTIONAL_MODULES.join(', ')} (comma-separated), got "${unknown}"`)
    const server = await startDemoServer({
      without: without as OptionalModule[],
      port: intOption(o.port, 'port', 0, 65535) ?? 0,
      scale,
      ...(o.seed !== undefined ? { seed: intOption(o.seed, 'seed', 0, 2 ** 31 - 1) as number } : {}),
      latencyMs: intOption(o['latency-ms'], 'latency-ms', 0, 60_000) ?? 0,
      dataDir: o['data-dir'] ?? null,
      now: clockOption(o.now),
      ...(o['reference-date'] ? { referenceDate: o['reference-date'] } : {})
    })
    io.out(
      `${JSON.stringify({
        base_url: server.baseUrl,
        consumer_key: server.consumerKey,
        consumer_secret: server.consumerSecret,
        admin_consumer_key: server.adminConsumerKey,
        admin_consumer_secret: server.adminConsumerSecret
      })}\n`
    )
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return 0
  }
}

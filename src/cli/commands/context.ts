import { readFileSync } from 'node:fs'
import { createAppContext, type AppContext } from '../../core/app/context'
import { inProcessDemo } from '../../main/demo'
import { usosClientFactory } from '../../core/usos'
import type { Clock } from '../../shared/clock'
import type { CliIo } from '../io'
import { announceQuarantine } from './profile'

function version(): string {
  try {
    return (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version
  } catch {
    return '0.0.0'
  }
}

/** The full app context for commands that talk to USOS (secrets in a key file under the profile). */
export function cliContext(dataDir: string, io: CliIo, now?: Clock): AppContext {
  return createAppContext({
    onQuarantine: announceQuarantine(io),
    dataDir,
    shell: 'cli',
    version: version(),
    clientFactory: usosClientFactory,
    demo: inProcessDemo(dataDir, now ? { now } : {}),
    ...(now ? { now } : {})
  })
}

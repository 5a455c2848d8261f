/**
 * The built-in demo USOS installation: a real HTTP server with seeded, deterministic data, kept in
 * SQLite so that changes survive a restart. Started in-process by the app (demo mode) and by
 * `office-hours demo-server`.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { TypeRegistry } from './framework/fields'
import { authorizeRequestToken, migrateOAuth } from './framework/oauth'
import { createRng } from './framework/rng'
import { createDemoHttpServer, type Stats } from './framework/server'
import { warsawToday } from './framework/time'
import { processClock, type Clock } from '../shared/clock'
import {
  ANSWERS_ENV,
  DEFAULT_ANSWER_STYLE,
  parseAnswerStyle,
  type AnswerStyle,
  type DemoRole,
  type EmulatorModule,
  type MethodDef,
  type Scale
} from './framework/types'
import { DEMO_USER_IDS, seedCommon } from './modules/common'
import { allModules } from './modules'

export type { AnswerStyle } from './framework/types'

export interface DemoServerOptions {
  port?: number
  host?: string
  scale?: Scale
  seed?: number
  latencyMs?: number
  /** null: an in-memory database (tests). */
  dataDir?: string | null
  /** YYYY-MM-DD the data is centred on (default: the clock's day in Europe/Warsaw). */
  referenceDate?: string
  /**
   * "Now" for the data's rules (past dates, open sign-ups) and the seed's reference day (default:
   * pinned by OFFICE_HOURS_NOW, else the system clock). OAuth timestamps stay on the real clock.
   */
  now?: Clock
  /** Where USOS's documentation is silent, which plausible answer the demo gives (see AnswerStyle). */
  answers?: Partial<AnswerStyle>
  nativeBinding?: string
  modules?: EmulatorModule[]
  /**
   * Modules this installation does not run (slips and exams are BETA and not every university
   * offers them): their methods answer 404 method_not_found, as any unknown method does.
   */
  without?: readonly OptionalModule[]
}

/** The modules an installation may lack. */
export const OPTIONAL_MODULES = ['slips', 'exams'] as const
export type OptionalModule = (typeof OPTIONAL_MODULES)[number]

export interface DemoServer {
  baseUrl: string
  consumerKey: string
  consumerSecret: string
  adminConsumerKey: string
  adminConsumerSecret: string
  demoUserIds: Record<DemoRole, string>
  /** Grants a request token as a demo user without the HTML page (the app's one-click demo). */
  approve(requestTokenKey: string, role: DemoRole): string
  stats(): Stats
  setNow(now: Date | null): void
  close(): Promise<void>
}

/** Well-known keys: this is a demo, and clients need them to sign. */
export const DEMO_CONSUMER = { key: 'demo-office-hours', secret: 'demo-office-hours-secret' }
export const DEMO_ADMIN_CONSUMER = {
  key: 'demo-office-hours-admin',
  secret: 'demo-office-hours-admin-secret'
}

function openState(options: DemoServerOptions): Database.Database {
  const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  if (options.dataDir === null || options.dataDir === undefined) return new Database(':memory:', native)
  mkdirSync(options.dataDir, { recursive: true })
  const db = new Database(join(options.dataDir, 'demo-installation.sqlite'), native)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  return db
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const clock = options.now ?? processClock(process.env)
  const without = new Set<string>(options.without ?? [])
  const modules = (options.modules ?? allModules).filter((m) => !without.has(m.name))
  const db = openState(options)
  db.pragma('foreign_keys = ON')
  migrateOAuth(db)
  for (const m of modules) m.migrate(db)

  const seeded = db.prepare("SELECT value FROM emulator_meta WHERE key = 'seeded'").get() as
    { value: string } | undefined
  if (!seeded) {
    const scale = options.scale ?? 'medium'
    const seed = options.seed ?? 20261122
    const referenceDate = options.referenceDate ?? warsawToday(clock())
    db.transaction(() => {
      const world = seedCommon(db, createRng(seed), scale, referenceDate)
      for (const [i, m] of modules.entries()) m.seed(db, world, createRng(seed + 1000 * (i + 1)))
      const consumer = db.prepare(
        'INSERT OR REPLACE INTO oauth_consumers (key, secret, administrative, name) VALUES (?, ?, ?, ?)'
      )
      consumer.run(DEMO_CONSUMER.key, DEMO_CONSUMER.secret, 0, 'USOS Office Hours (demo)')
      consumer.run(
        DEMO_ADMIN_CONSUMER.key,
        DEMO_ADMIN_CONSUMER.secret,
        1,
        'USOS Office Hours (demo, administrative)'
      )
      db.prepare("INSERT INTO emulator_meta (key, value) VALUES ('seeded', ?)").run(
        JSON.stringify({ scale, seed, referenceDate })
      )
    })()
  }

  const registry = new TypeRegistry()
  const methods = new Map<string, MethodDef>()
  const demoActions = new Map(modules.flatMap((m) => Object.entries(m.demoActions ?? {})))
  for (const m of modules) {
    for (const t of m.types) registry.register(t)
    for (const def of m.methods) {
      if (methods.has(def.name)) throw new Error(`method ${def.name} defined twice`)
      methods.set(def.name, def)
    }
  }
  let fixedNow: Date | null = null
  const { server, stats } = createDemoHttpServer({
    db,
    registry,
    methods,
    demoUserIds: DEMO_USER_IDS,
    latencyMs: options.latencyMs ?? 0,
    demoActions,
    answers: { ...DEFAULT_ANSWER_STYLE, ...parseAnswerStyle(process.env[ANSWERS_ENV]), ...options.answers },
    now: () => fixedNow ?? clock()
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the demo installation got no port')
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`
  db.prepare("INSERT OR REPLACE INTO emulator_meta (key, value) VALUES ('base_url', ?)").run(baseUrl)
  return {
    baseUrl,
    consumerKey: DEMO_CONSUMER.key,
    consumerSecret: DEMO_CONSUMER.secret,
    adminConsumerKey: DEMO_ADMIN_CONSUMER.key,
    adminConsumerSecret: DEMO_ADMIN_CONSUMER.secret,
    demoUserIds: { ...DEMO_USER_IDS },
    approve: (requestTokenKey, role) =>
      authorizeRequestToken(db, requestTokenKey, DEMO_USER_IDS[role], role).verifier as string,
    stats: () => structuredClone(stats),
    setNow: (now) => {
      fixedNow = now
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          db.close()
          resolve()
        })
      })
  }
}

/**
 * Runs the built main process (out/main/index.js) under Node with the `electron` stand-in, plays
 * a scenario at it (the steps Electron and the renderer would take) and prints one JSON report.
 *
 *   node test/integration/shell/run-shell.mjs scenario.json
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { register } from 'node:module'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'

register('./electron-hooks.mjs', import.meta.url)
const { standIn, app } = await import('./electron-stand-in.mjs')

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'))
Object.assign(standIn.config, scenario.config)
// What Electron's process has and Node's has not.
process.versions.electron = scenario.electronVersion
process.resourcesPath = scenario.resourcesPath

const results = []
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const window = () => standIn.windows.find((w) => !w.destroyed && w.options.webPreferences?.preload)
const callsOf = (what) => standIn.calls.filter((c) => c.what === what)

function filesUnder(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)]
  })
}

async function until(condition, what, ms = 20_000) {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

async function step(action) {
  switch (action.do) {
    case 'ready': {
      if (!standIn.readyResolve) return { started: false }
      standIn.readyResolve()
      await until(() => window() || callsOf('exit').length > 0, 'a window or an exit')
      return { started: true }
    }
    case 'invoke': {
      const handler = standIn.handlers.get(`api:${action.method}`)
      if (!handler) return { missing: true }
      const frame =
        action.frameUrl === null
          ? null
          : { url: action.frameUrl ?? window().loaded.url, parent: action.subframe ? {} : null }
      return { envelope: await handler({ senderFrame: frame }, action.input ?? {}) }
    }
    case 'navigate': {
      let prevented = false
      window().webContents.emit(
        action.event ?? 'will-navigate',
        { preventDefault: () => (prevented = true) },
        action.url
      )
      return { prevented }
    }
    case 'attachWebview': {
      let prevented = false
      window().webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {})
      return { prevented }
    }
    case 'open': {
      const before = callsOf('openExternal').length
      const answer = window().webContents.windowOpenHandler({ url: action.url })
      await sleep(0)
      return {
        action: answer.action,
        opened: callsOf('openExternal')
          .slice(before)
          .map((c) => c.url)
      }
    }
    case 'headers': {
      const response = await new Promise((resolve) =>
        standIn.headersListener(
          { url: action.url, resourceType: action.resourceType, responseHeaders: { 'X-Original': ['yes'] } },
          resolve
        )
      )
      return { response }
    }
    case 'permission': {
      const granted = await new Promise((resolve) =>
        standIn.permissionRequestHandler({}, action.permission, resolve)
      )
      return { granted, checked: standIn.permissionCheckHandler({}, action.permission, 'file://', {}) }
    }
    case 'secondInstance': {
      const before = standIn.calls.length
      app.emit('second-instance', {}, ['office-hours'], process.cwd(), {})
      return { calls: standIn.calls.slice(before).map((c) => c.what) }
    }
    case 'quit': {
      for (const event of ['before-quit', 'will-quit', 'quit']) app.emit(event, { preventDefault() {} })
      await sleep(50)
      return {}
    }
    case 'files':
      return { files: filesUnder(standIn.config.userData) }
    case 'usosSql': {
      // A change made in USOS meanwhile (as in USOSweb), in the in-process demo installation's database.
      const usos = new Database(
        join(standIn.config.userData, 'demo-installation', 'demo-installation.sqlite')
      )
      try {
        usos.pragma('busy_timeout = 5000')
        return { changes: usos.prepare(action.sql).run(...(action.params ?? [])).changes }
      } finally {
        usos.close()
      }
    }
    case 'clickNotification': {
      const before = standIn.calls.length
      const sentBefore = window().webContents.sent.length
      standIn.notifications[action.index ?? 0].emit('click', {})
      return {
        calls: standIn.calls.slice(before).map((c) => c.what),
        // What the window was told since (e.g. the date to open).
        sent: window().webContents.sent.slice(sentBefore),
        sentBefore: window().webContents.sent.slice(0, sentBefore)
      }
    }
    default:
      throw new Error(`unknown step ${action.do}`)
  }
}

/** `from: [{ step, path, key }]`: a value from an earlier step's result (e.g. an id) into this one. */
function withEarlierValues(action) {
  const filled = structuredClone(action)
  for (const { step: index, path, key } of action.from ?? []) {
    const value = path.split('.').reduce((v, k) => (v == null ? v : v[k]), results[index])
    const keys = key.split('.')
    let target = filled
    for (const k of keys.slice(0, -1)) target = target[k] ??= {}
    target[keys.at(-1)] = value
  }
  return filled
}

let failure = null
try {
  await import(pathToFileURL(scenario.main).href)
  for (const action of scenario.actions)
    results.push({ do: action.do, ...(await step(withEarlierValues(action))) })
} catch (error) {
  failure = error instanceof Error ? error.stack : String(error)
}

const report = {
  failure,
  calls: standIn.calls,
  channels: [...standIn.handlers.keys()],
  windows: standIn.windows.map((w) => ({
    id: w.id,
    options: w.options,
    loaded: w.loaded,
    destroyed: w.destroyed
  })),
  session: {
    permissionRequestHandler: standIn.permissionRequestHandler !== null,
    headersListener: standIn.headersListener !== null
  },
  results
}
process.stdout.write(`\n${JSON.stringify(report)}\n`)
process.exit(0)

#!/usr/bin/env node
/**
 * better-sqlite3 is a native addon, and Node and Electron need different builds of it. npm builds
 * the Node one in node_modules/better-sqlite3 (tests, CLI, web harness). This script keeps a second
 * build for Electron beside it, in node_modules/.office-hours-native/, which the app loads through
 * better-sqlite3's `nativeBinding` option; neither build ever replaces the other, so `npm install`,
 * `npm test` and `npm start` work in any order.
 *
 *   node scripts/native-modules.mjs             (postinstall) check the Node build; make the Electron
 *                                               build when Electron's binary is installed
 *   node scripts/native-modules.mjs --electron  (prestart) the same, but Electron's build is required
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const requireElectron = process.argv.includes('--electron')

function log(message) {
  process.stderr.write(`[native-modules] ${message}\n`)
}

function run(cmd, args, cwd, env = process.env) {
  const result = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] })
  return result.status === 0
}

/** The Node build: repair it if something (an old electron-rebuild) replaced it in place. */
function ensureNodeBuild() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8'
  })
  if (probe.status === 0) return
  log('better-sqlite3 does not load under Node; rebuilding it for Node')
  if (!run('npm', ['rebuild', 'better-sqlite3'], root)) throw new Error('npm rebuild better-sqlite3 failed')
}

export function electronBindingPath(version, platform = process.platform, arch = process.arch) {
  return join(
    root,
    'node_modules',
    '.office-hours-native',
    `electron-${version}-${platform}-${arch}`,
    'better_sqlite3.node'
  )
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
  } catch {
    return null
  }
}

function electronBinaryInstalled() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return false
  const rel = readFileSync(pathFile, 'utf8').trim()
  return existsSync(join(root, 'node_modules', 'electron', 'dist', rel))
}

function buildForElectron(version) {
  const target = electronBindingPath(version)
  if (existsSync(target)) return target
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const work = mkdtempSync(join(tmpdir(), 'office-hours-native-'))
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) })
    // node-gyp must fetch Electron's headers, not reuse a nodedir set for Node builds.
    const env = { ...process.env }
    for (const key of Object.keys(env))
      if (/^npm_config_nodedir$/i.test(key) || key === 'NODEDIR') delete env[key]
    const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js')
    const ok =
      run(
        process.execPath,
        [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`],
        work,
        env
      ) ||
      run(
        process.execPath,
        [
          process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js'),
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${version}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers'
        ],
        work,
        env
      )
    const built = join(work, 'build', 'Release', 'better_sqlite3.node')
    if (!ok || !existsSync(built)) throw new Error('could not build better-sqlite3 for Electron')
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(built, target)
    log(`built better-sqlite3 for Electron ${version}`)
    return target
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function main() {
  ensureNodeBuild()
  const version = electronVersion()
  if (!version || !electronBinaryInstalled()) {
    const why =
      "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set, or its download failed)"
    if (requireElectron) {
      log(
        `${why}. Run \`npm install\` without ELECTRON_SKIP_BINARY_DOWNLOAD to get it; \`npm test\` and the CLI work without it.`
      )
      process.exit(1)
    }
    log(
      `${why}: skipping the Electron build of better-sqlite3; \`npm start\` will make it once Electron is there.`
    )
    return
  }
  try {
    buildForElectron(version)
  } catch (error) {
    log(`${error.message}`)
    if (requireElectron) process.exit(1)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()

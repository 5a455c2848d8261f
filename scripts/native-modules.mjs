#!/usr/bin/env node
/**
 * better-sqlite3 is a native addon, and Node and Electron need different builds of it. npm builds
 * the Node one in node_modules/better-sqlite3 (tests, CLI, web harness). This script keeps the
 * Electron builds beside it, in node_modules/.office-hours-native/, which the app loads through
 * better-sqlite3's `nativeBinding` option; nothing here ever rebuilds node_modules/better-sqlite3
 * for Electron, so `npm install`, `npm test`, `npm start` and packaging work in any order.
 *
 *   node scripts/native-modules.mjs             (postinstall) check the Node build; make the Electron
 *                                               build when Electron's binary is installed
 *   node scripts/native-modules.mjs --electron  (prestart, predev) the same, but Electron's build is
 *                                               required
 *   electron-builder `beforePack` (this file)    the Electron build for the platform and architecture
 *                                               being packaged, staged for `extraResources`
 *
 * The Electron build is made for the architecture of the Electron binary that is installed (read
 * from its executable header), not for this Node's: an x64 Node under Rosetta on Apple Silicon
 * installs an arm64 Electron.
 */
import { spawnSync } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NATIVE_DIR = ['node_modules', '.office-hours-native']

function log(message) {
  process.stderr.write(`[native-modules] ${message}\n`)
}

/**
 * How to run npm from this script on every platform. Under npm (postinstall, prestart) npm's own
 * CLI file is run with this Node; otherwise the `npm` on PATH, through a shell on Windows, where
 * npm is `npm.cmd`, a batch file that spawn cannot start without one.
 */
export function npmInvocation(
  args,
  { env = process.env, platform = process.platform, execPath = process.execPath } = {}
) {
  const cli = env.npm_execpath
  if (cli && /npm-cli\.c?js$/i.test(cli)) return { command: execPath, args: [cli, ...args], shell: false }
  if (platform === 'win32') return { command: 'npm', args, shell: true }
  return { command: 'npm', args, shell: false }
}

/** Node's name for the CPU an executable is built for (ELF, Mach-O or PE header), or null. */
export function executableArch(header) {
  if (header.length >= 20 && header.readUInt32BE(0) === 0x7f454c46) {
    const machine = header[5] === 2 ? header.readUInt16BE(18) : header.readUInt16LE(18)
    return { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' }[machine] ?? null
  }
  if (header.length >= 8 && [0xfeedfacf, 0xfeedface].includes(header.readUInt32LE(0))) {
    const cpu = header.readUInt32LE(4)
    return { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x07: 'ia32', 0x0c: 'arm' }[cpu] ?? null
  }
  if (header.length >= 64 && header.toString('latin1', 0, 2) === 'MZ') {
    const pe = header.readUInt32LE(0x3c)
    if (pe + 6 > header.length || header.toString('latin1', pe, pe + 4) !== 'PE\0\0') return null
    return (
      { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32', 0x01c4: 'arm' }[header.readUInt16LE(pe + 4)] ?? null
    )
  }
  // A universal Mach-O (0xcafebabe) or anything else: the header alone does not say.
  return null
}

function readHead(file, bytes = 4096) {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0))
  } finally {
    closeSync(fd)
  }
}

/**
 * The Electron that npm installed: its version, its binary (null when the download was skipped or
 * failed) and that binary's architecture. When the header cannot tell, the choice Electron's own
 * installer made is followed: npm_config_arch, else this Node's.
 */
export function installedElectron(root = ROOT, { env = process.env, arch = process.arch } = {}) {
  const dir = join(root, 'node_modules', 'electron')
  let version = null
  try {
    version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version ?? null
  } catch {
    return { version: null, binary: null, arch: null }
  }
  const pathFile = join(dir, 'path.txt')
  const binary = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null
  if (!binary || !existsSync(binary)) return { version, binary: null, arch: null }
  let fromHeader = null
  try {
    fromHeader = executableArch(readHead(binary))
  } catch {
    fromHeader = null
  }
  return { version, binary, arch: fromHeader ?? env.npm_config_arch ?? arch }
}

/** Where the Electron build for one Electron version, platform and architecture lives. */
export function electronBindingPath(root, version, platform, arch) {
  return join(root, ...NATIVE_DIR, `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node')
}

/**
 * What to do, from what is found: repair the Node build if it does not load (something rebuilt it
 * in place), then make the Electron build if Electron's binary is there and its build is not.
 */
export function decide({ nodeBuildLoads, electron, bindingExists, requireElectron }) {
  const steps = nodeBuildLoads ? [] : ['rebuild-node']
  if (!electron.version || !electron.binary) {
    const why =
      "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set, or its download failed)"
    return requireElectron
      ? {
          steps,
          exitCode: 1,
          message: `${why}. Run \`npm install\` without ELECTRON_SKIP_BINARY_DOWNLOAD to get it; \`npm test\` and the CLI work without it.`
        }
      : {
          steps,
          exitCode: 0,
          message: `${why}: skipping the Electron build of better-sqlite3; \`npm start\` will make it once Electron is there.`
        }
  }
  if (!bindingExists) steps.push('build-electron')
  return { steps, exitCode: 0, message: null }
}

function run(command, args, { cwd, env = process.env, shell = false }) {
  const result = spawnSync(command, args, { cwd, env, shell, stdio: ['ignore', 'inherit', 'inherit'] })
  return result.status === 0
}

function nodeBuildLoads(root) {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8'
  })
  return probe.status === 0
}

function rebuildNodeBuild(root) {
  log('better-sqlite3 does not load under Node; rebuilding it for Node')
  const npm = npmInvocation(['rebuild', 'better-sqlite3'])
  if (!run(npm.command, npm.args, { cwd: root, shell: npm.shell }))
    throw new Error('npm rebuild better-sqlite3 failed')
  if (!nodeBuildLoads(root)) throw new Error('better-sqlite3 still does not load under Node after a rebuild')
}

function nodeGyp(require) {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp
  try {
    return require.resolve('node-gyp/bin/node-gyp.js')
  } catch {
    return null
  }
}

/**
 * Builds better-sqlite3 for one Electron in a copy of its sources (never in node_modules): a
 * prebuilt binary when one is published, else node-gyp (which builds for this platform only).
 */
export function buildForElectron({ root = ROOT, version, platform = process.platform, arch }) {
  const target = electronBindingPath(root, version, platform, arch)
  if (existsSync(target)) return target
  const require = createRequire(join(root, 'package.json'))
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const sourceBuild = join(source, 'build')
  const work = mkdtempSync(join(tmpdir(), 'office-hours-native-'))
  try {
    cpSync(source, work, {
      recursive: true,
      filter: (p) => p !== sourceBuild && !p.startsWith(sourceBuild + sep)
    })
    // node-gyp must fetch Electron's headers, not reuse a nodedir set for Node builds.
    const env = { ...process.env }
    for (const key of Object.keys(env))
      if (/^npm_config_nodedir$/i.test(key) || key === 'NODEDIR') delete env[key]
    const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js')
    const gyp = nodeGyp(require)
    const ok =
      run(
        process.execPath,
        [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--platform=${platform}`],
        { cwd: work, env }
      ) ||
      (gyp !== null &&
        platform === process.platform &&
        run(
          process.execPath,
          [
            gyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${version}`,
            `--arch=${arch}`,
            '--dist-url=https://electronjs.org/headers'
          ],
          { cwd: work, env }
        ))
    const built = join(work, 'build', 'Release', 'better_sqlite3.node')
    if (!ok || !existsSync(built))
      throw new Error(`could not build better-sqlite3 for Electron ${version} (${platform}-${arch})`)
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(built, target)
    log(`built better-sqlite3 for Electron ${version} (${platform}-${arch})`)
    return target
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** electron-builder's `Arch` enum, as the names its `${arch}` macro and Node use. */
const BUILDER_ARCH = {
  0: { builder: 'ia32', node: 'ia32' },
  1: { builder: 'x64', node: 'x64' },
  2: { builder: 'armv7l', node: 'arm' },
  3: { builder: 'arm64', node: 'arm64' }
}

/** The Electron build one packaging run needs, and where `extraResources` picks it up. */
export function packagingTarget(context, root = ROOT) {
  const arch = BUILDER_ARCH[context.arch]
  if (!arch)
    throw new Error(
      `packaging for architecture ${String(context.arch)} (universal?) is not supported: package each architecture on its own`
    )
  const version = context.packager?.info?.framework?.version ?? installedElectron(root).version
  if (!version) throw new Error('no Electron version: is the electron package installed?')
  return {
    version,
    platform: context.electronPlatformName,
    arch: arch.node,
    staged: join(root, ...NATIVE_DIR, 'packaging', arch.builder, 'better_sqlite3.node')
  }
}

/**
 * electron-builder's `beforePack` hook (electron-builder.yml): `npmRebuild` is off, so the
 * packager never rebuilds node_modules/better-sqlite3 in place; the Electron build for the target
 * is made beside the Node one and staged for `extraResources` (resources/native/ in the app).
 */
export async function beforePack(context, root = ROOT) {
  const target = packagingTarget(context, root)
  const built = buildForElectron({ root, ...target })
  rmSync(dirname(target.staged), { recursive: true, force: true })
  mkdirSync(dirname(target.staged), { recursive: true })
  copyFileSync(built, target.staged)
  log(`staged better-sqlite3 for Electron ${target.version} (${target.platform}-${target.arch})`)
}

function main() {
  const requireElectron = process.argv.includes('--electron')
  const electron = installedElectron(ROOT)
  const binding =
    electron.version && electron.arch
      ? electronBindingPath(ROOT, electron.version, process.platform, electron.arch)
      : null
  const plan = decide({
    nodeBuildLoads: nodeBuildLoads(ROOT),
    electron,
    bindingExists: binding !== null && existsSync(binding),
    requireElectron
  })
  for (const step of plan.steps) {
    try {
      if (step === 'rebuild-node') rebuildNodeBuild(ROOT)
      else buildForElectron({ root: ROOT, version: electron.version, arch: electron.arch })
    } catch (error) {
      log(error.message)
      // A Node build that does not load breaks tests and the CLI: always an error. A missing
      // Electron build is one only when the app is about to start.
      if (step === 'rebuild-node' || requireElectron) process.exit(1)
    }
  }
  if (plan.message) log(plan.message)
  if (plan.exitCode) process.exit(plan.exitCode)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()

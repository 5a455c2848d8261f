import { spawnSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  beforePack,
  decide,
  electronBindingPath,
  executableArch,
  installedElectron,
  npmInvocation,
  packagingTarget
  // @ts-expect-error -- a plain .mjs script without types (postinstall, prestart, electron-builder's hook)
} from '../../../scripts/native-modules.mjs'

const head = (file: string): Buffer => {
  const fd = openSync(file, 'r')
  try {
    const b = Buffer.alloc(4096)
    return b.subarray(0, readSync(fd, b, 0, 4096, 0))
  } finally {
    closeSync(fd)
  }
}

/** The first bytes of an executable for one CPU, as the linker writes them. */
function elf(machine: number): Buffer {
  const b = Buffer.alloc(64)
  b.writeUInt32BE(0x7f454c46, 0)
  b[4] = 2 // 64-bit
  b[5] = 1 // little endian
  b.writeUInt16LE(2, 16) // executable
  b.writeUInt16LE(machine, 18)
  return b
}
function machO(cpu: number): Buffer {
  const b = Buffer.alloc(32)
  b.writeUInt32LE(0xfeedfacf, 0)
  b.writeUInt32LE(cpu, 4)
  return b
}
function pe(machine: number): Buffer {
  const b = Buffer.alloc(512)
  b.write('MZ', 0, 'latin1')
  b.writeUInt32LE(0x80, 0x3c)
  b.write('PE\0\0', 0x80, 'latin1')
  b.writeUInt16LE(machine, 0x84)
  return b
}

/** A checkout with an installed electron package (and, if given, its binary's first bytes). */
function checkout(binary?: Buffer, version = '40.10.2'): string {
  const root = mkdtempSync(join(tmpdir(), 'native-modules-'))
  const dir = join(root, 'node_modules', 'electron')
  mkdirSync(join(dir, 'dist'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }))
  if (binary) {
    writeFileSync(join(dir, 'path.txt'), 'electron')
    writeFileSync(join(dir, 'dist', 'electron'), binary)
  }
  return root
}

describe('native-modules: spawning npm', () => {
  it('runs npm through its own CLI file with this Node when npm started the script', () => {
    const cli = '/usr/lib/node_modules/npm/bin/npm-cli.js'
    expect(
      npmInvocation(['rebuild', 'better-sqlite3'], {
        env: { npm_execpath: cli },
        platform: 'win32',
        execPath: 'C:\\node\\node.exe'
      })
    ).toEqual({ command: 'C:\\node\\node.exe', args: [cli, 'rebuild', 'better-sqlite3'], shell: false })
  })

  it('goes through a shell on Windows otherwise (npm.cmd is a batch file), and not elsewhere', () => {
    expect(npmInvocation(['rebuild'], { env: {}, platform: 'win32' })).toEqual({
      command: 'npm',
      args: ['rebuild'],
      shell: true
    })
    // Another package manager's exec path is not npm's CLI.
    expect(
      npmInvocation(['rebuild'], { env: { npm_execpath: 'C:\\yarn\\yarn.js' }, platform: 'win32' }).shell
    ).toBe(true)
    expect(npmInvocation(['rebuild'], { env: {}, platform: 'linux' })).toEqual({
      command: 'npm',
      args: ['rebuild'],
      shell: false
    })
  })

  it("really starts npm through npm's CLI file and this Node", () => {
    const npmOnPath = (process.env.PATH ?? '')
      .split(delimiter)
      .map((d) => join(d, 'npm'))
      .find((f) => {
        try {
          return realpathSync(f).endsWith('npm-cli.js')
        } catch {
          return false
        }
      })
    expect(npmOnPath, 'npm on PATH').toBeDefined()
    const how = npmInvocation(['--version'], { env: { npm_execpath: realpathSync(npmOnPath!) } })
    expect(how.command).toBe(process.execPath)
    const result = spawnSync(how.command, how.args, { shell: how.shell, encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe("native-modules: the installed Electron binary's architecture", () => {
  it('reads ELF, Mach-O and PE headers', () => {
    expect(executableArch(elf(0x3e))).toBe('x64')
    expect(executableArch(elf(0xb7))).toBe('arm64')
    expect(executableArch(elf(0x28))).toBe('arm')
    expect(executableArch(machO(0x0100000c))).toBe('arm64')
    expect(executableArch(machO(0x01000007))).toBe('x64')
    expect(executableArch(pe(0x8664))).toBe('x64')
    expect(executableArch(pe(0xaa64))).toBe('arm64')
    // A universal Mach-O, a script, an empty file: the header does not say.
    const fat = Buffer.alloc(32)
    fat.writeUInt32BE(0xcafebabe, 0)
    expect(executableArch(fat)).toBeNull()
    expect(executableArch(Buffer.from('#!/bin/sh\necho hi\n'))).toBeNull()
    expect(executableArch(Buffer.alloc(0))).toBeNull()
  })

  it("reads this very Node's executable as this Node's architecture", () => {
    expect(executableArch(head(process.execPath))).toBe(process.arch)
  })

  it('builds for the arm64 Electron that an x64 Node (Rosetta) installed, not for process.arch', () => {
    const root = checkout(machO(0x0100000c))
    const electron = installedElectron(root, { env: {}, arch: 'x64' })
    expect(electron).toEqual({
      version: '40.10.2',
      binary: join(root, 'node_modules', 'electron', 'dist', 'electron'),
      arch: 'arm64'
    })
    expect(electronBindingPath(root, electron.version, 'darwin', electron.arch)).toBe(
      join(
        root,
        'node_modules',
        '.office-hours-native',
        'electron-40.10.2-darwin-arm64',
        'better_sqlite3.node'
      )
    )
  })

  it("follows Electron's installer (npm_config_arch, else this Node) when the header cannot tell", () => {
    const root = checkout(Buffer.from('not an executable'))
    expect(installedElectron(root, { env: { npm_config_arch: 'arm64' }, arch: 'x64' }).arch).toBe('arm64')
    expect(installedElectron(root, { env: {}, arch: 'x64' }).arch).toBe('x64')
  })

  it('says when the binary was not downloaded, or electron is not installed at all', () => {
    expect(installedElectron(checkout(), { env: {}, arch: 'x64' })).toEqual({
      version: '40.10.2',
      binary: null,
      arch: null
    })
    expect(installedElectron(mkdtempSync(join(tmpdir(), 'empty-')))).toEqual({
      version: null,
      binary: null,
      arch: null
    })
  })
})

describe('native-modules: what to do', () => {
  const electron = { version: '40.10.2', binary: '/x/electron', arch: 'x64' }
  const none = { version: '40.10.2', binary: null, arch: null }

  it('does nothing when both builds are there', () => {
    expect(decide({ nodeBuildLoads: true, electron, bindingExists: true, requireElectron: true })).toEqual({
      steps: [],
      exitCode: 0,
      message: null
    })
  })

  it('repairs the Node build first, then makes the Electron build beside it', () => {
    expect(
      decide({ nodeBuildLoads: false, electron, bindingExists: false, requireElectron: false }).steps
    ).toEqual(['rebuild-node', 'build-electron'])
    expect(
      decide({ nodeBuildLoads: true, electron, bindingExists: false, requireElectron: false }).steps
    ).toEqual(['build-electron'])
  })

  it("skips Electron's build without its binary, failing only when the app is to start", () => {
    const install = decide({
      nodeBuildLoads: false,
      electron: none,
      bindingExists: false,
      requireElectron: false
    })
    expect(install.steps).toEqual(['rebuild-node'])
    expect(install.exitCode).toBe(0)
    expect(install.message).toMatch(/skipping the Electron build/)
    const start = decide({
      nodeBuildLoads: true,
      electron: none,
      bindingExists: false,
      requireElectron: true
    })
    expect(start.exitCode).toBe(1)
    expect(start.message).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/)
  })
})

describe('native-modules: packaging', () => {
  const context = (arch: number, platform = 'linux') => ({
    arch,
    electronPlatformName: platform,
    packager: { info: { framework: { version: '40.10.2' } } }
  })

  it("builds for the packaged target's platform and architecture, staged under electron-builder's arch name", () => {
    expect(packagingTarget(context(3, 'darwin'), '/r')).toEqual({
      version: '40.10.2',
      platform: 'darwin',
      arch: 'arm64',
      staged: join('/r', 'node_modules', '.office-hours-native', 'packaging', 'arm64', 'better_sqlite3.node')
    })
    const armv7 = packagingTarget(context(2), '/r')
    expect(armv7.arch).toBe('arm')
    expect(armv7.staged).toContain(join('packaging', 'armv7l'))
    expect(() => packagingTarget(context(4, 'darwin'), '/r')).toThrow(/universal/)
  })

  it('stages the Electron build for extraResources, replacing what an earlier run staged', async () => {
    const root = checkout(elf(0x3e))
    const target = packagingTarget(context(1), root)
    const built = electronBindingPath(root, target.version, target.platform, target.arch)
    mkdirSync(dirname(built), { recursive: true })
    writeFileSync(built, 'electron build stand-in')
    mkdirSync(dirname(target.staged), { recursive: true })
    writeFileSync(join(dirname(target.staged), 'stale.node'), 'from an earlier run')
    await beforePack(context(1), root)
    expect(readFileSync(target.staged, 'utf8')).toBe('electron build stand-in')
    expect(readdirSync(dirname(target.staged))).toEqual(['better_sqlite3.node'])
  })

  it('is wired so: no in-place rebuild, this hook, and the staged file into resources/native', () => {
    const yml = readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8')
    expect(yml).toMatch(/^npmRebuild: false$/m)
    expect(yml).toMatch(/^beforePack: \.\/scripts\/native-modules\.mjs$/m)
    expect(yml).toMatch(/- from: node_modules\/\.office-hours-native\/packaging\/\$\{arch\}\n\s+to: native\n/)
  })
})

// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** Layering (design.md): electron only in src/main and src/preload, react only in src/renderer. */
const electronImport = {
  name: 'electron',
  message:
    'electron may be imported only in src/main and src/preload; the core takes its dependencies as arguments.'
}
const reactImports = ['react', 'react-dom', 'react-dom/client', 'react-i18next'].map((name) => ({
  name,
  message: 'react belongs to src/renderer only.'
}))

/**
 * The demo installation (src/emulator) stands for another party's USOS server: it and the client's
 * core share no code (issue 16), in either direction. The app wires them together where it is
 * composed (src/main/demo.ts). Relative imports are matched by their text: a path segment `core`
 * (or the @core alias) from the emulator, a segment `emulator` from the core.
 */
const coreFromEmulator = {
  regex: '^(\\.{1,2}/)+(.+/)?core(/.*)?$|^@core(/.*)?$',
  message:
    "src/emulator must not import src/core: the demo installation is another party's server (a plain utility may live in src/shared)."
}
const emulatorFromCore = {
  regex: '^(\\.{1,2}/)+(.+/)?emulator(/.*)?$',
  message:
    'src/core must not import src/emulator: the app composes the demo where it is assembled (src/main/demo.ts).'
}

/** Window hardening must not be switched off anywhere (reliability.md). */
const insecureWebPreferences = ['sandbox', 'contextIsolation', 'webSecurity'].map((key) => ({
  selector: `Property[key.name='${key}'][value.value=false]`,
  message: `${key}: false is forbidden: every window stays sandboxed and isolated.`
}))
const insecureEnabled = [
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webviewTag',
  'allowRunningInsecureContent',
  'experimentalFeatures'
].map((key) => ({
  selector: `Property[key.name='${key}'][value.value=true]`,
  message: `${key}: true is forbidden.`
}))

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test/artifacts/**',
      'test-results/**',
      'playwright-report/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...insecureWebPreferences, ...insecureEnabled]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport] }] }
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**', 'test/unit/**', 'test/integration/**'],
    ignores: ['src/renderer/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport, ...reactImports] }] }
  },
  {
    // After the block above, which it extends for these two folders (a later block replaces the rule).
    files: ['src/emulator/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport, ...reactImports], patterns: [coreFromEmulator] }
      ]
    }
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport, ...reactImports], patterns: [emulatorFromCore] }
      ]
    }
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: reactImports }] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  {
    // Test files may use loose JSON from the wire in assertions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  }
)

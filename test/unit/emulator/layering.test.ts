/**
 * The demo installation and the client's core share no code (issue 16): the lint rule in
 * eslint.config.js refuses an import from one into the other, by relative path or alias, and still
 * lets each use the neutral src/shared.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layering rule between src/emulator and src/core', () => {
  it('refuses the core in the demo installation, by relative path, re-export or alias', async () => {
    const messages = await restricted(
      'src/emulator/modules/meetings/x.ts',
      [
        "import { stmt } from '../../../core/mirror/statements'",
        "export { generateMeetingDates } from '../../../core/schedule'",
        "import { FREQUENCIES } from '@core/schedule'",
        'export const used = [stmt, FREQUENCIES]'
      ].join('\n')
    )
    expect(messages).toHaveLength(3)
    for (const m of messages) expect(m).toMatch(/src\/emulator must not import src\/core/)
  })

  it('refuses the demo installation in the core', async () => {
    const messages = await restricted(
      'src/core/app/x.ts',
      "import { startDemoServer } from '../../emulator'\nexport const used = startDemoServer"
    )
    expect(messages).toEqual([expect.stringMatching(/src\/core must not import src\/emulator/)])
  })

  it('lets both use src/shared, and the app compose them in src/main', async () => {
    expect(
      await restricted(
        'src/emulator/support/x.ts',
        "import { processClock } from '../../shared/clock'\nexport const used = processClock"
      )
    ).toEqual([])
    expect(
      await restricted(
        'src/main/x.ts',
        "import { startDemoServer } from '../emulator'\nimport { createAppContext } from '../core/app/context'\nexport const used = [startDemoServer, createAppContext]"
      )
    ).toEqual([])
  })
})

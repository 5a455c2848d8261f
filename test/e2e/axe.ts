import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core in the page; answers the serious and critical violations. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object
          ) => Promise<{
            violations: Array<{
              id: string
              impact: string
              nodes: Array<{ target: unknown[]; failureSummary?: string }>
            }>
          }>
        }
      }
    ).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  // One line a node: which rule, where, and what axe says would fix it.
  if (process.env.AXE_DEBUG)
    for (const v of bad)
      for (const n of v.nodes)
        console.log(`${v.id} ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
  return bad.map((v) => `${v.id} (${v.nodes.length})`)
}

import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, launch, test } from './fixtures'

// A profile file SQLite finds damaged is moved aside at start: the window says so, naming where.
test('a damaged profile file is moved aside and the window names where it went', async ({ page }) => {
  const running = await launch([], (dataDir) =>
    writeFileSync(join(dataDir, 'profile.sqlite'), 'this is not an SQLite database, '.repeat(200))
  )
  try {
    const moved = readdirSync(running.harness.dataDir).filter((f) => f.startsWith('profile.sqlite.broken'))
    expect(moved).toHaveLength(1)
    await page.goto(running.harness.pageUrl)
    const notice = page.getByRole('alert').filter({ hasText: 'odłożony na bok' })
    await expect(notice).toBeVisible()
    await expect(notice).toContainText(moved[0]!)
    await notice.getByRole('button', { name: 'Rozumiem' }).click()
    await expect(notice).toHaveCount(0)
    // The app goes on with a new, empty profile: the sign-in page.
    await expect(page.getByRole('button', { name: 'Otwórz demo' })).toBeVisible()
    expect(existsSync(join(running.harness.dataDir, moved[0]!))).toBe(true)
  } finally {
    await running.stop()
  }
})

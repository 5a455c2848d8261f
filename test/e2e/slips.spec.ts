import { accessibilityProblems } from './axe'
import { expect, openDemo, test } from './fixtures'

test.use({ bypassCSP: true })

test('the answerer clears a slip question with a quick answer and sees USOS’s status', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  await page.getByRole('link', { name: 'Obiegówki' }).click()
  const waiting = page.getByTestId('waiting')
  await expect(waiting.locator('li').first()).toBeVisible()
  await page.screenshot({ path: 'test/artifacts/screenshots/slips-inbox.png', fullPage: true })
  expect(await accessibilityProblems(page)).toEqual([])

  const question = waiting
    .locator('li', { has: page.getByRole('group', { name: 'Szybkie odpowiedzi' }) })
    .first()
  const id = await question.getAttribute('data-sq-id')
  const quick = question.getByRole('group', { name: 'Szybkie odpowiedzi' }).getByRole('button').first()
  const answer = (await quick.innerText()).trim()
  await quick.click()
  await expect(page.getByTestId('slips-status')).toHaveText('Odpowiedziano w USOS.')
  await expect(waiting.locator(`li[data-sq-id="${id}"]`)).toHaveCount(0)
  const done = page.getByTestId('answered').locator(`li[data-sq-id="${id}"]`)
  await expect(done).toContainText(`Odpowiedź: „${answer}”`)
  // The status is USOS's: cleared, rejected or unclear, never still pending.
  await expect(done.locator('.badge').first()).toHaveText(/rozliczone|odrzucone|niejasne/)

  // Typed answers go the same way; removing the answer puts the question back in the inbox.
  await done.getByRole('button', { name: 'Usuń odpowiedź' }).click()
  await expect(page.getByTestId('waiting').locator(`li[data-sq-id="${id}"]`)).toBeVisible()
})

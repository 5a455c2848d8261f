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

test('the template admin edits templates: a refused question shows USOS’s message at its field, a changed meaning forks the question', async ({
  page,
  harness
}) => {
  await openDemo(page, harness, 'template_admin')
  await page.getByRole('link', { name: 'Obiegówki' }).click()
  await page.getByRole('tab', { name: 'Szablony' }).click()
  const templates = page.getByTestId('templates')
  await expect(templates.locator(':scope > li').first()).toBeVisible()

  await page.getByLabel('Nowy szablon', { exact: true }).fill('Zwrot kluczy do pracowni')
  await page.getByRole('button', { name: 'Utwórz' }).click()
  const mine = templates
    .locator(':scope > li')
    .filter({ has: page.getByRole('heading', { name: /Zwrot kluczy do pracowni/ }) })
  await expect(mine).toContainText('szkic')
  await mine.getByLabel('Nowe pytanie').fill('Klucze oddane')
  await mine.getByRole('button', { name: 'Dodaj' }).click()
  await expect(mine.locator('.error').first()).toHaveText('Pytanie musi kończyć się znakiem zapytania.')
  await mine.getByLabel('Nowe pytanie').fill('Czy oddano klucze?')
  await mine.getByRole('button', { name: 'Dodaj' }).click()
  await expect(mine.locator('.template-questions input').first()).toHaveValue('Czy oddano klucze?')
  await page.screenshot({ path: 'test/artifacts/screenshots/slip-templates.png', fullPage: true })
  expect(await accessibilityProblems(page)).toEqual([])

  // An active template: the question is edited and its meaning changed, so USOS forks it.
  const active = templates
    .locator(':scope > li')
    .filter({ has: page.getByRole('heading', { name: /aktywny/ }) })
    .first()
  const field = active
    .locator('.template-questions input[type=text], .template-questions input:not([type])')
    .first()
  const before = await field.inputValue()
  await field.fill(before.replace(/\?$/, ' (w tym semestrze)?'))
  await active.getByRole('radio', { name: 'tak' }).first().check()
  await active.getByRole('button', { name: 'Zapisz' }).first().click()
  await expect(active.locator('[role=status]')).toContainText('USOS zachował pytanie')
  await expect(active.locator('.template-questions')).toContainText('przestarzałe')
})

test('an issuer issues a slip for a student, comments on it and closes it', async ({ page, harness }) => {
  await openDemo(page, harness)
  await page.getByRole('link', { name: 'Obiegówki' }).click()
  await page.getByRole('tab', { name: 'Wystawione przeze mnie' }).click()
  await page.getByLabel('Szablon', { exact: true }).selectOption({ index: 1 })
  await page.getByLabel('ID studenta w USOS').fill('100002')
  await page.getByRole('button', { name: 'Wystaw', exact: true }).click()
  await expect(page.getByTestId('issuer-status')).toHaveText(/Wystawiono i otwarto obiegówkę \d+\./)
  const id = (await page.getByTestId('issuer-status').innerText()).match(/\d+/)![0]
  const slip = page.locator(`[data-slip-id="${id}"]`)
  await expect(slip).toContainText('Jan Kowalski')
  await slip.getByLabel('Komentarz wystawiającego').fill('Proszę rozliczyć do piątku.')
  await slip.getByRole('button', { name: 'Zapisz komentarz' }).click()
  await expect(slip.getByLabel('Komentarz wystawiającego')).toHaveValue('Proszę rozliczyć do piątku.')
  await slip.getByRole('button', { name: 'Zamknij obiegówkę' }).click()
  await expect(slip).toContainText('zamknięta')
  await page.screenshot({ path: 'test/artifacts/screenshots/slips-issued.png', fullPage: true })
  expect(await accessibilityProblems(page)).toEqual([])
})

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

  // Changing an answer given before asks first: "Nie, zostaw" keeps it.
  const other = done.getByRole('group', { name: 'Szybkie odpowiedzi' }).getByRole('button').nth(1)
  const otherAnswer = (await other.innerText()).trim()
  await other.click()
  const confirm = done.getByRole('group', { name: 'Zmiana odpowiedzi' })
  await expect(confirm).toContainText(`Zmienić odpowiedź „${answer}” na „${otherAnswer}”?`)
  await confirm.getByRole('button', { name: 'Nie, zostaw' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(done).toContainText(`Odpowiedź: „${answer}”`)

  // Typed answers go the same way; removing the answer (confirmed) puts the question back in the inbox.
  await done.getByRole('button', { name: 'Usuń odpowiedź' }).click()
  await done
    .getByRole('group', { name: 'Zmiana odpowiedzi' })
    .getByRole('button', { name: 'Tak, zmień' })
    .click()
  await expect(page.getByTestId('waiting').locator(`li[data-sq-id="${id}"]`)).toBeVisible()
})

test('inbox cards name their template, and one answer goes to several questions, each with its result', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  await page.getByRole('link', { name: 'Obiegówki' }).click()
  const waiting = page.getByTestId('waiting')
  await expect(waiting.locator('li').first()).toBeVisible()
  const inbox = await page.evaluate(() => window.api.getSlipsInbox({}))
  if (!inbox.ok) throw new Error(inbox.error.message)
  const named = inbox.value.waiting.filter((q) => q.template?.pl)
  expect(named.length).toBe(inbox.value.waiting.length)
  // Every card's title ends with its template's name, never with only "Obiegówka".
  for (const q of inbox.value.waiting.slice(0, 10))
    await expect(waiting.locator(`li[data-sq-id="${q.id}"] h3`)).toContainText(`— ${q.template!.pl!}`)

  // Three questions that can be answered, one answer: one call each, a result for each.
  const three = inbox.value.waiting.filter((q) => q.canAnswer).slice(0, 3)
  expect(three).toHaveLength(3)
  for (const q of three) await waiting.locator(`li[data-sq-id="${q.id}"] input.pick`).check()
  const form = page.getByRole('form', { name: 'Jedna odpowiedź dla zaznaczonych pytań' })
  await form.getByLabel('Odpowiedź dla zaznaczonych').fill('Tak')
  await form.getByRole('button', { name: 'Odpowiedz na 3 pytania' }).click()
  const results = page.getByTestId('bulk-results').getByRole('listitem')
  await expect(results).toHaveCount(3)
  for (const [i, q] of three.entries()) {
    await expect(results.nth(i)).toContainText(`${q.client!.firstName} ${q.client!.lastName}`)
    await expect(results.nth(i)).toContainText('Odpowiedziano w USOS.')
    await expect(waiting.locator(`li[data-sq-id="${q.id}"]`)).toHaveCount(0)
  }
  const answered = page.getByTestId('answered')
  for (const q of three)
    await expect(answered.locator(`li[data-sq-id="${q.id}"]`)).toContainText('Odpowiedź: „Tak”')
})

test('the selected slips tab looks selected', async ({ page, harness }) => {
  await openDemo(page, harness, 'template_admin')
  await page.getByRole('link', { name: 'Obiegówki' }).click()
  const tabs = page.getByRole('tab')
  await expect(tabs.first()).toBeVisible()
  expect(await tabs.count()).toBeGreaterThan(1)
  const look = (i: number) =>
    tabs.nth(i).evaluate((el) => {
      const s = getComputedStyle(el)
      return `${s.backgroundColor} ${s.color} ${s.fontWeight}`
    })
  await tabs.nth(1).click()
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true')
  expect(await look(1)).not.toBe(await look(0))
  await tabs.nth(0).click()
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true')
  expect(await look(0)).not.toBe(await look(1))
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

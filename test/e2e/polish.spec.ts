import type { Page } from '@playwright/test'
import { formatDayTime } from '../../src/shared/locale-format'
import { appToday, findDate, fullName, meetingDates, openDate } from './dates'
import { expect, openDemo, test } from './fixtures'

test.use({ bypassCSP: true })

/**
 * English that must not reach the Polish UI: words a Polish text never has, USOS's English
 * refusals, core messages and raw states. (USOS, ICS, CSV, PDF, demo and offline are names.)
 */
const ENGLISH =
  /\b(the|and|of|with|from|could not|failed|error|something|went wrong|already|refused|not|yet|sign in|sign up|save|cancel|delete|loading|closed|active|inactive|pending|waiting|accepted|rejected|token_created|needs_attention|answered|unknown)\b/i
/** A translation key shown as it is ("meetings.states.closed"). */
const RAW_KEY = /\b[a-z]+\.[a-z]+[A-Za-z_]*\.?[A-Za-z_]*\b/

/** What the page says (text, labels, titles of what is visible), line by line, and what is wrong. */
async function problems(page: Page, where: string): Promise<string[]> {
  // Let the page settle: nothing loading.
  await expect(page.getByText('Wczytywanie…')).toHaveCount(0, { timeout: 10_000 })
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const main = document.querySelector('.shell') ?? document.body
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || parent.closest('script,style,[data-i18n-ignore]')) continue
      const text = (n.textContent ?? '').trim()
      if (text) out.push(text)
    }
    for (const el of main.querySelectorAll('[aria-label],[title],[placeholder]')) {
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a)
        if (v) out.push(v)
      }
    }
    return out
  })
  // Data from USOS is the lecturer's (names, meeting titles, notes): only the app's words are checked.
  const data = await page.evaluate(() =>
    [...document.querySelectorAll('[data-usos-text]')].map((e) => (e.textContent ?? '').trim())
  )
  const found: string[] = []
  for (const text of texts) {
    if (data.includes(text)) continue
    if (/^https?:\/\//.test(text) || /@/.test(text) || /^[/~]/.test(text)) continue
    const english = ENGLISH.exec(text)
    if (english) found.push(`${where}: English "${english[0]}" in "${text}"`)
    else if (RAW_KEY.test(text) && !/\d/.test(text) && !/\s/.test(text))
      found.push(`${where}: untranslated key "${text}"`)
  }
  const missing = await page.evaluate(() => window.__missingTranslations ?? [])
  for (const key of missing) found.push(`${where}: missing translation "${key}"`)
  return found
}

test('every screen in Polish says everything in Polish', async ({ page, harness }) => {
  test.setTimeout(180_000)
  await openDemo(page, harness)
  const found: string[] = []
  const check = async (where: string) => found.push(...(await problems(page, where)))

  // The calendar's three views.
  await expect(page.locator('.rbc-event').first()).toBeVisible({ timeout: 10_000 })
  await check('calendar week')
  for (const [key, view, name] of [
    ['m', '.rbc-month-view', 'calendar month'],
    ['a', '.rbc-agenda-view', 'calendar agenda']
  ] as const) {
    await page.locator('main').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press(key)
    await expect(page.locator(view)).toBeVisible()
    await check(name)
  }

  // A date page with its reject form, then the notes about one of its people.
  const date = await findDate(page, (d) => d.main.some((p) => !p.isExternal && !p.pending), {
    upcoming: true
  })
  const person = date.main.find((p) => !p.isExternal && !p.pending)!
  await openDate(page, harness.pageUrl, date.item.id)
  await page.getByRole('checkbox', { name: `Zaznacz: ${fullName(person)}` }).check()
  await page.getByRole('button', { name: 'Odrzuć (1)' }).click()
  await expect(page.getByRole('form', { name: 'Odrzuć 1 osobę' })).toBeVisible()
  await check('date page with the reject form')
  const notes = page.getByRole('button', { name: /^Notatki o:/ }).first()
  if ((await notes.count()) > 0) {
    await notes.click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await check('notes')
    await page.keyboard.press('Escape')
  }

  // Every section of the navigation, and the tabs of clearance slips.
  const sections: Array<[string, string]> = [
    ['meetings', 'Spotkania'],
    ['exams', 'Egzaminy'],
    ['slips', 'Obiegówki'],
    ['planner', 'Planowanie'],
    ['colleagues', 'Koledzy'],
    ['signups', 'Moje zapisy'],
    ['outbox', 'Oczekujące zmiany'],
    ['settings', 'Ustawienia'],
    ['accounts', 'Konta']
  ]
  for (const [section] of sections) {
    await page.goto(`${harness.pageUrl}#/${section}`)
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await check(section)
    if (section === 'meetings') {
      const first = page.locator('main table a').first()
      if ((await first.count()) > 0) {
        await first.click()
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
        await check('a meeting')
      }
    }
    if (section === 'slips') {
      for (const tab of await page.getByRole('tab').all()) {
        await tab.click()
        await check(`slips tab ${(await tab.textContent()) ?? ''}`)
      }
    }
  }
  expect(found).toEqual([])
})

test('a sign-up says where USOS put the person; a search says what it found; the outbox names the date', async ({
  page,
  harness
}) => {
  test.setTimeout(120_000)
  await openDemo(page, harness)
  const today = await appToday(page)
  const all = await meetingDates(page)
  const full = all.find(
    (d) =>
      d.item.start.slice(0, 10) > today &&
      d.item.seatsLimit !== null &&
      d.main.length >= d.item.seatsLimit &&
      d.reserve.length < (d.item.reserveSeatsLimit ?? 0)
  )
  if (!full) throw new Error('The demo has no full date with reserve seats free.')
  const taken = new Set([...full.main, ...full.reserve, ...full.rejected].map((p) => p.userId))
  const person = all
    .flatMap((d) => d.main)
    .find((p) => p.userId && !p.isExternal && !p.pending && !taken.has(p.userId))!
  await openDate(page, harness.pageUrl, full.item.id)

  // A search that finds nobody says so; a wide one says how many it cut.
  const form = page.getByRole('form', { name: 'Zapisz użytkownika USOS' })
  await form.getByLabel('Nazwisko lub ID').fill('Qqxyzzy')
  await form.getByRole('button', { name: 'Szukaj' }).click()
  await expect(page.getByTestId('user-search-result')).toContainText('Nikogo nie znaleziono.')
  await expect(page.getByTestId('user-search-result')).toContainText(
    'API USOS nie ma metody wyszukiwania osób'
  )
  await form.getByLabel('Nazwisko lub ID').fill('a')
  await form.getByRole('button', { name: 'Szukaj' }).click()
  await expect(page.getByTestId('user-search-result')).toContainText(/Pokazano 20 z \d+/)

  // Signed up as accepted on a full date: USOS puts them on the reserve list, and the page says so.
  await form.getByLabel('Nazwisko lub ID').fill(`${person.firstName} ${person.lastName}`)
  await form.getByRole('button', { name: 'Szukaj' }).click()
  await form
    .getByRole('listitem')
    .filter({ hasText: `${person.firstName} ${person.lastName}` })
    .first()
    .getByRole('button', { name: 'Zapisz' })
    .click()
  await expect(page.getByTestId('action-status')).toHaveText(
    `${person.firstName} ${person.lastName}: lista rezerwowa, miejsce ${full.reserve.length + 1} (lista główna pełna).`
  )

  // The same again: USOS refuses in English; the outbox words it in Polish and names the date.
  const again = await page.evaluate((input) => window.api.signUpUser(input), {
    meetingDateId: full.item.id,
    userId: person.userId!
  })
  if (!again.ok) throw new Error(again.error.message)
  expect(again.value.outcome).toBe('needs_attention')
  await page.goto(`${harness.pageUrl}#/outbox`)
  const entry = page.locator('ul.outbox li').first()
  const start = new Date(full.item.start.replace(' ', 'T'))
  await expect(entry.locator('strong').first()).toHaveText(
    `Zapisz ${person.firstName} ${person.lastName} na termin ${formatDayTime(start, 'pl')}`
  )
  await expect(entry).toContainText('Ta osoba jest już zapisana na ten termin.')
  await expect(entry).not.toContainText('already')
  expect(await problems(page, 'outbox with a refusal')).toEqual([])
})

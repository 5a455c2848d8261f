import type { Page } from '@playwright/test'
import { accessibilityProblems } from './axe'
import { appToday } from './dates'
import { expect, openDemo, test } from './fixtures'
import type { PlannerTermView, SkipView } from '../../src/shared/types-planner'

test.describe.configure({ mode: 'serial' })
test.use({ bypassCSP: true })

/** What the planner offers, through the page's own API. */
async function plannerTerms(page: Page): Promise<PlannerTermView[]> {
  const answer = await page.evaluate(() => window.api.plannerOptions({}))
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value.terms
}

/** The public holidays on weekdays (Monday to Friday) of a term, as the planner's preview knows them. */
async function weekdayHolidays(page: Page, term: PlannerTermView): Promise<SkipView[]> {
  const answer = await page.evaluate(
    (t) =>
      window.api.previewDraft({
        draft: {
          name: '…',
          startDate: t.startDate,
          endDate: t.endDate,
          number: 1,
          frequency: 'weekly',
          startTime: '10:00',
          durationMin: 60
        }
      }),
    term
  )
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value.daysOff.filter((d) => d.kind === 'holiday' && isoWeekDay(d.day) <= 5)
}

const isoWeekDay = (day: string) => ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1
const shiftMonth = (month: string, n: number) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1))
    .toISOString()
    .slice(0, 7)
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7))

const heading = (page: Page) => page.locator('#preview-heading')
const count = async (page: Page) => Number(/(\d+)/.exec((await heading(page).textContent()) ?? '')![1])
const day = (page: Page, d: string) => page.locator(`.draft-grid button[data-day="${d}"]`)

/** Moves the grid on, a month at a time, to the month of `d`. */
async function showMonth(page: Page, d: string) {
  const firstShown = page.locator('.draft-grid button[data-day]').first()
  const shown = (await firstShown.getAttribute('data-day'))!
  for (let i = 1; i <= monthsBetween(shown, d); i++) {
    await page.getByRole('button', { name: 'Następny miesiąc' }).click()
    await expect(firstShown).toHaveAttribute('data-day', `${shiftMonth(shown.slice(0, 7), i)}-01`)
  }
  await expect(day(page, d)).toBeVisible()
}

// The state the two tests share: the draft made in the first, copied in the second.
const planned: { name: string; term?: PlannerTermView; holiday?: string; removed?: string; extra?: string } =
  {
    name: 'Dyżur z kalendarza'
  }

test.describe('the planner’s month grid and copies to another term', () => {
  test('adds and removes dates by clicking days and from the keyboard, a holiday added back, kept after a reload', async ({
    page,
    sharedHarness: harness
  }) => {
    await openDemo(page, harness)
    const today = await appToday(page)
    // A term the app offers that starts after today, and a weekday with a holiday both in it and in
    // the term after it (where the draft is copied next).
    const terms = await plannerTerms(page)
    const term = terms.find((t) => t.startDate > today)!
    const next = terms.find((t) => t.startDate > term.endDate)!
    const nextDays = new Set((await weekdayHolidays(page, next)).map((h) => isoWeekDay(h.day)))
    const holiday = (await weekdayHolidays(page, term)).find((h) => nextDays.has(isoWeekDay(h.day)))
    if (!holiday || holiday.kind !== 'holiday')
      throw new Error(`No weekday has a holiday in both ${term.id} and ${next.id}.`)
    planned.term = term
    planned.holiday = holiday.day

    await page.getByRole('link', { name: 'Planer' }).click()
    const form = page.locator('form.draft-form')
    await form.getByLabel('Nazwa', { exact: true }).fill(planned.name)
    await form.getByLabel('Od', { exact: true }).fill(term.startDate)
    await form.getByLabel('Do', { exact: true }).fill(term.endDate)
    await form.getByLabel('Częstotliwość', { exact: true }).selectOption('weekly')
    await form.getByLabel('Dzień tygodnia', { exact: true }).selectOption(String(isoWeekDay(holiday.day)))
    await form.getByLabel('Godzina rozpoczęcia', { exact: true }).fill('10:00')
    await expect(page.getByTestId('skipped')).toContainText(holiday.day)
    const generated = await count(page)
    expect(generated).toBeGreaterThan(5)

    // The grid opens on the term's first month, Monday first, in Polish.
    const grid = page.getByRole('grid')
    await expect(grid.getByRole('columnheader').first()).toHaveText('pn')
    const first = (await page.getByTestId('draft-dates').locator('li').first().textContent())!.slice(0, 10)
    await expect(day(page, first)).toHaveAttribute('aria-pressed', 'true')
    await expect(day(page, first)).toHaveAccessibleName(/termin 10:00–/)

    // From the keyboard: the first date is removed with Space, the day after it added with Enter.
    await day(page, first).focus()
    await page.keyboard.press('Space')
    await expect(day(page, first)).toHaveAttribute('aria-pressed', 'false')
    await expect(day(page, first)).toHaveAccessibleName(/usunięty ręcznie/)
    await expect(heading(page)).toHaveText(new RegExp(`^Podgląd: ${generated - 1} termin`))
    await page.keyboard.press('ArrowRight')
    const extra = (await page.evaluate(() => document.activeElement?.getAttribute('data-day')))!
    expect(extra > first).toBe(true)
    await page.keyboard.press('Enter')
    await expect(day(page, extra)).toHaveAttribute('aria-pressed', 'true')
    await expect(day(page, extra)).toHaveAccessibleName(/dodany ręcznie/)
    await expect(heading(page)).toHaveText(new RegExp(`^Podgląd: ${generated} termin`))

    // A click on the holiday the rule skipped adds it back, deliberately.
    await showMonth(page, holiday.day)
    await expect(day(page, holiday.day)).toHaveAccessibleName(new RegExp(`święto: ${holiday.name}`))
    await expect(day(page, holiday.day)).toHaveAttribute('aria-pressed', 'false')
    await day(page, holiday.day).click()
    await expect(day(page, holiday.day)).toHaveAttribute('aria-pressed', 'true')
    await expect(heading(page)).toHaveText(new RegExp(`^Podgląd: ${generated + 1} termin`))
    await expect(page.getByTestId('draft-dates')).toContainText(`${holiday.day} 10:00`)
    await expect(page.getByTestId('draft-grid-edits')).toContainText(
      'Dodane ręcznie: 2, usunięte ręcznie: 1.'
    )
    await page.locator('.draft-grid').screenshot({ path: 'test/artifacts/screenshots/planner-grid.png' })
    expect(await accessibilityProblems(page)).toEqual([])

    await form.getByRole('button', { name: 'Zapisz szkic' }).click()
    await expect(page.getByTestId('planner-status')).toHaveText(`Zapisano szkic „${planned.name}”.`)
    planned.removed = first
    planned.extra = extra

    // Kept with the draft: after a reload the edited draft has the same dates.
    await page.reload()
    await page
      .locator('ul.drafts li', { hasText: planned.name })
      .getByRole('button', { name: 'Edytuj' })
      .click()
    await expect(heading(page)).toHaveText(new RegExp(`^Podgląd: ${generated + 1} termin`))
    await expect(day(page, first)).toHaveAttribute('aria-pressed', 'false')
    await expect(page.getByTestId('draft-dates')).toContainText(`${extra} 10:00`)
    await showMonth(page, holiday.day)
    await expect(day(page, holiday.day)).toHaveAttribute('aria-pressed', 'true')
    // A changed rule regenerates the dates; the days edited by hand still hold, at the new time.
    await form.getByLabel('Godzina rozpoczęcia', { exact: true }).fill('12:00')
    await expect(page.getByTestId('draft-dates')).toContainText(`${extra} 12:00`)
    await expect(heading(page)).toHaveText(new RegExp(`^Podgląd: ${generated + 1} termin`))
    await expect(page.getByTestId('draft-dates')).not.toContainText(`${first} 12:00`)
    await form.getByRole('button', { name: 'Zapisz zmiany' }).click()
    await expect(page.getByTestId('planner-status')).toHaveText(`Zapisano szkic „${planned.name}”.`)

    // USOS is matched against the edited set, and USOSweb's generator is told what to do by hand.
    await page.getByRole('button', { name: 'Sprawdź w USOS' }).click()
    await expect(page.getByTestId('draft-usos-count')).toHaveText(
      new RegExp(`^W USOS: 0 z ${generated + 1} terminów\\.`)
    )
    const parameters = page.getByLabel('Parametry do generatora terminów w USOSweb')
    await expect(parameters).toHaveValue(new RegExp(`Dodaj ręcznie: ${extra}, ${holiday.day}\n`))
    await expect(parameters).toHaveValue(new RegExp(`Usuń ręcznie: ${first}$`))
  })

  test('copies the draft to the next term: the rule kept, that term’s holidays skipped, the edits outside it left out', async ({
    page,
    sharedHarness: harness
  }) => {
    const source = planned.term!
    await page.goto(`${harness.pageUrl}#/planner`)
    const target = (await plannerTerms(page)).find((t) => t.startDate > source.endDate)!
    const holidays = await weekdayHolidays(page, target)
    await page
      .locator('ul.drafts li', { hasText: planned.name })
      .getByRole('button', { name: 'Edytuj' })
      .click()
    const panel = page.getByRole('region', { name: 'Kopiuj do innego semestru' })
    // The next term is offered first.
    await expect(panel.getByLabel('Semestr docelowy')).toHaveValue(target.id)
    await panel.getByRole('button', { name: 'Kopiuj szkic' }).click()

    const targetName = target.name.pl!
    const copyName = `${planned.name} (kopia, ${targetName.charAt(0).toLowerCase()}${targetName.slice(1)})`
    // The two days added and the one removed were in the first term: left out, and said so.
    await expect(page.getByTestId('planner-status')).toHaveText(
      `Skopiowano szkic jako „${copyName}”. Pominięto 2 terminy dodane ręcznie spoza semestru. Pominięto 1 dzień usunięty ręcznie spoza semestru.`
    )
    await expect(page.locator('ul.drafts li', { hasText: copyName })).toBeVisible()
    await expect(page.locator('ul.drafts li[aria-current="true"]')).toContainText(copyName)
    const form = page.locator('form.draft-form')
    await expect(form.getByLabel('Nazwa', { exact: true })).toHaveValue(copyName)
    await expect(form.getByLabel('Od', { exact: true })).toHaveValue(target.startDate)
    await expect(form.getByLabel('Do', { exact: true })).toHaveValue(target.endDate)
    await expect(form.getByLabel('Godzina rozpoczęcia', { exact: true })).toHaveValue('12:00')
    const weekDay = isoWeekDay(planned.holiday!)
    await expect(form.getByLabel('Dzień tygodnia', { exact: true })).toHaveValue(String(weekDay))
    await expect(page.getByTestId('draft-grid-edits')).toContainText(
      'Dodane ręcznie: 0, usunięte ręcznie: 0.'
    )

    // Every date is on the draft's weekday inside the new term; its holidays on that weekday are skipped.
    const dates = (await page.getByTestId('draft-dates').locator('li').allTextContents()).map((t) =>
      t.slice(0, 10)
    )
    expect(dates.length).toBeGreaterThan(5)
    expect(
      dates.every((d) => d >= target.startDate && d <= target.endDate && isoWeekDay(d) === weekDay)
    ).toBe(true)
    const skippedThere = holidays.filter((h) => isoWeekDay(h.day) === weekDay && h.day <= dates.at(-1)!)
    expect(skippedThere.length).toBeGreaterThan(0)
    for (const h of skippedThere) {
      await expect(page.getByTestId('skipped')).toContainText(h.day)
      expect(dates).not.toContain(h.day)
    }
  })
})

import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { DraftInput } from '../../src/shared/types-planner'
import { accessibilityProblems } from './axe'
import { addDays } from '../helpers/clock'
import { appToday, findDate, openDate } from './dates'
import { expect, openDemo, test } from './fixtures'

test.describe.configure({ mode: 'serial' })
test.use({ bypassCSP: true })

/** Saves a planner draft through the app's own handler (as the planner's form does). */
async function saveDraft(page: Page, draft: DraftInput): Promise<void> {
  const answer = await page.evaluate((d) => window.api.saveDraft({ draft: d }), draft)
  if (!answer.ok) throw new Error(answer.error.message)
}

const LONG_TITLE =
  'Konsultacje dla studentów piszących prace dyplomowe z zakresu przetwarzania języka naturalnego i statystycznej analizy korpusów tekstów polskojęzycznych'

test.describe('the calendar', () => {
  test('the month view fits the window at 1280, 1440 and 1920 px, with a long title inside its cell', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await openDemo(page, harness)
    const today = await appToday(page)
    await saveDraft(page, {
      name: LONG_TITLE.replace(/ /g, '_'),
      startDate: today,
      endDate: today,
      number: 1,
      frequency: 'daily',
      startTime: '10:00',
      durationMin: 60
    })
    await page.goto(`${harness.pageUrl}#/calendar?view=month&date=${today}`)
    await page.reload()
    await expect(page.locator('.rbc-month-view')).toBeVisible()
    await expect(page.locator('.rbc-event.draft').first()).toBeVisible()

    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
        .toBe(await page.evaluate(() => window.innerWidth))
      expect(await page.evaluate(() => window.innerWidth)).toBe(width)
      // The view buttons and "Synchronizuj" are on screen, and Sunday's column too.
      for (const button of [
        page.getByRole('button', { name: 'Tydzień' }),
        page.getByRole('button', { name: 'Lista', exact: true }),
        page.getByRole('button', { name: 'Synchronizuj', exact: true })
      ])
        await expect(button).toBeInViewport({ ratio: 1 })
      await expect(page.locator('.rbc-month-view .rbc-header').last()).toBeInViewport({ ratio: 1 })
      // The long title is cut inside its day's cell.
      const cell = await page.locator('.rbc-month-view .rbc-month-row').first().boundingBox()
      const event = await page.locator('.rbc-event.draft').first().boundingBox()
      expect(event!.width).toBeLessThan(cell!.width / 5)
      await page.screenshot({ path: `test/artifacts/screenshots/calendar-month-${width}.png` })
    }
  })

  test('the week lines its day headers and hour column up with the days and hours below', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    // The demo opened by the test before (the tests here share one harness, in order).
    await page.goto(harness.pageUrl)
    await page.goto(`${harness.pageUrl}#/calendar?view=week&date=${await appToday(page)}`)
    await page.reload()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    const edges = await page.evaluate(() => {
      const box = (e: Element) => e.getBoundingClientRect()
      const headers = [...document.querySelectorAll('.rbc-time-header-content .rbc-header')].map(box)
      const days = [...document.querySelectorAll('.rbc-time-content > .rbc-day-slot')].map(box)
      const gutters = [
        box(document.querySelector('.rbc-time-header-gutter')!),
        box(document.querySelector('.rbc-time-content > .rbc-time-gutter')!)
      ]
      const labels = [...document.querySelectorAll('.rbc-time-content > .rbc-time-gutter .rbc-label')]
      return {
        headers: headers.map((b) => [Math.round(b.left), Math.round(b.right)]),
        days: days.map((b) => [Math.round(b.left), Math.round(b.right)]),
        gutters: gutters.map((b) => Math.round(b.width)),
        // An hour's label fits its column (not cut off nor wrapped).
        labelsFit: labels.every((l) => l.scrollWidth <= l.clientWidth + 1 && l.getClientRects().length === 1)
      }
    })
    expect(edges.days).toHaveLength(7)
    expect(edges.headers).toHaveLength(7)
    for (let i = 0; i < 7; i++) {
      expect(Math.abs(edges.headers[i]![0]! - edges.days[i]![0]!)).toBeLessThanOrEqual(1)
      expect(Math.abs(edges.headers[i]![1]! - edges.days[i]![1]!)).toBeLessThanOrEqual(1)
    }
    expect(Math.abs(edges.gutters[0]! - edges.gutters[1]!)).toBeLessThanOrEqual(1)
    expect(edges.labelsFit).toBe(true)
  })

  test('titles and dates are written in Polish: the week "30 listopada – 6 grudnia 2026", the agenda "sob., 2 stycznia"', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${harness.pageUrl}#/calendar?view=week&date=2026-12-02`)
    await page.reload()
    await expect(page.locator('.rbc-toolbar-label')).toHaveText('30 listopada – 6 grudnia 2026')
    await page.goto(`${harness.pageUrl}#/calendar?view=week&date=2026-12-30`)
    await page.reload()
    await expect(page.locator('.rbc-toolbar-label')).toHaveText('28 grudnia 2026 – 3 stycznia 2027')
    await page.goto(`${harness.pageUrl}#/calendar?view=month&date=2026-12-02`)
    await page.reload()
    await expect(page.locator('.rbc-toolbar-label')).toHaveText('grudzień 2026')

    // The agenda's days, from a date the demo has something on (an exam group or office hours).
    const date = await findDate(page, () => true, { upcoming: true })
    const day = date.item.start.slice(0, 10)
    await page.goto(`${harness.pageUrl}#/calendar?view=agenda&date=${day}`)
    await page.reload()
    const expected = new Intl.DateTimeFormat('pl-PL', { weekday: 'short', day: 'numeric', month: 'long' })
      .formatToParts(new Date(`${day}T12:00:00Z`))
      .map((p) => p.value)
      .join('')
    // Intl writes "pon., 30 listopada" as date-fns does: weekday with its dot, a comma, the genitive.
    expect(expected).toMatch(/^[a-zśżźćńłęąó]+\., \d{1,2} [a-zśżźćńłęąó]+$/)
    await expect(page.locator('.rbc-agenda-view .rbc-agenda-date-cell').first()).toHaveText(expected)
  })

  test('keeps its view and date: agenda, next month, open a date, back returns to the same view and date', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${harness.pageUrl}#/calendar`)
    await page.reload()
    const today = await appToday(page)
    await expect(page.locator('.rbc-time-view')).toBeVisible()
    await page.locator('main').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('a')
    await expect(page.locator('.rbc-agenda-view')).toBeVisible()
    await page.getByRole('button', { name: 'Dalej' }).click()
    const label = await page.locator('.rbc-toolbar-label').textContent()
    await expect(page).toHaveURL(/#\/calendar\?view=agenda&date=\d{4}-\d{2}-\d{2}$/)
    const place = new URL(page.url()).hash
    expect(place).not.toContain(`date=${today}`)

    const dateButton = page.locator('.rbc-agenda-view button.agenda-event').first()
    await expect(dateButton).toBeVisible()
    await dateButton.click()
    await expect(page.getByRole('button', { name: /Przyjmij/ })).toBeVisible()
    await page.getByRole('button', { name: /Wróć/ }).click()
    await expect(page.locator('.rbc-agenda-view')).toBeVisible()
    await expect(page.locator('.rbc-toolbar-label')).toHaveText(label!)
    expect(new URL(page.url()).hash).toBe(place)

    // The browser's Back does the same.
    await page.locator('.rbc-agenda-view button.agenda-event').first().click()
    await expect(page.getByRole('button', { name: /Przyjmij/ })).toBeVisible()
    await page.goBack()
    await expect(page.locator('.rbc-agenda-view')).toBeVisible()
    await expect(page.locator('.rbc-toolbar-label')).toHaveText(label!)
  })

  test('the week shows the hours its events need: a 20:30–22:00 and a 21:15 draft are whole', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${harness.pageUrl}#/calendar`)
    const today = await appToday(page)
    // A week of its own, three weeks ahead, so the other tests' drafts stay out of it.
    const monday = (() => {
      const d = new Date(`${addDays(today, 21)}T12:00:00Z`)
      return addDays(d.toISOString().slice(0, 10), -((d.getUTCDay() + 6) % 7))
    })()
    await saveDraft(page, {
      name: 'Dyżur wieczorny',
      startDate: monday,
      endDate: monday,
      number: 1,
      frequency: 'daily',
      startTime: '20:30',
      durationMin: 90
    })
    await saveDraft(page, {
      name: 'Dyżur późny',
      startDate: addDays(monday, 1),
      endDate: addDays(monday, 1),
      number: 1,
      frequency: 'daily',
      startTime: '21:15',
      durationMin: 30
    })
    await page.goto(`${harness.pageUrl}#/calendar?view=week&date=${monday}`)
    await page.reload()
    const grid = page.locator('.rbc-time-content')
    await expect(grid).toBeVisible()
    for (const name of ['Dyżur wieczorny', 'Dyżur późny']) {
      const event = page.locator('.rbc-event.draft', { hasText: name })
      await event.scrollIntoViewIfNeeded()
      const box = (await event.boundingBox())!
      const content = (await page.locator('.rbc-time-content .rbc-day-slot').first().boundingBox())!
      // Inside the grid (not cut at its bottom edge), and as tall as its length says.
      expect(box.y + box.height).toBeLessThanOrEqual(content.y + content.height + 1)
      const hourHeight = content.height / (await page.locator('.rbc-time-gutter .rbc-timeslot-group').count())
      const minutes = name === 'Dyżur wieczorny' ? 90 : 30
      expect(box.height).toBeGreaterThan((hourHeight * minutes) / 60 - 4)
    }
    await expect(page.locator('.rbc-time-gutter')).toContainText('21:00')

    // "Eksportuj widok (ICS)" writes what the view shows: the drafts too (and not once hidden).
    const exported = async () => {
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Eksportuj widok (ICS)' }).click()
      return readFileSync(await (await download).path(), 'utf8').replace(/\r\n /g, '')
    }
    const withDrafts = await exported()
    expect(withDrafts).toContain('SUMMARY:Dyżur wieczorny')
    expect(withDrafts).toContain('SUMMARY:Dyżur późny')
    expect(withDrafts).toContain('STATUS:TENTATIVE')
    await page.getByLabel('Pokaż szkice').uncheck()
    await expect(page.locator('.rbc-event.draft')).toHaveCount(0)
    expect(await exported()).not.toContain('Dyżur wieczorny')
    await page.getByLabel('Pokaż szkice').check()
    // Without late events a week keeps 07:00–21:00.
    await page.goto(`${harness.pageUrl}#/calendar?view=week&date=${addDays(monday, 7)}`)
    await page.reload()
    await expect(page.locator('.rbc-time-gutter .rbc-timeslot-group').first()).toContainText('07:00')
    await expect(page.locator('.rbc-time-gutter .rbc-timeslot-group').last()).toContainText('20:00')
  })

  test('a date\'s page writes its day in Polish ("poniedziałek, 30 listopada 2026") and quotes „like this”', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    const date = await findDate(page, (d) => [...d.main, ...d.reserve].some((p) => !!p.substantiationMessage))
    await openDate(page, harness.pageUrl, date.item.id)
    const day = new Date(`${date.item.start.slice(0, 10)}T12:00:00Z`)
    const expected = new Intl.DateTimeFormat('pl-PL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric'
    }).format(day)
    const facts = page.locator('.facts-line')
    await expect(facts).toContainText(expected)
    await expect(facts).not.toContainText(date.item.start.slice(0, 10))
    const message = [...date.main, ...date.reserve].find(
      (p) => p.substantiationMessage
    )!.substantiationMessage!
    await expect(page.locator('table.participants').getByText(`„${message}”`)).toBeVisible()
    await expect(page.locator('main')).not.toContainText('“')
  })

  test('an event says what "3/5 +2" means: seats taken of the limit, and the reserve list', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    const date = await findDate(page, (d) => d.reserve.length > 0 && d.item.seatsLimit !== null)
    await page.goto(`${harness.pageUrl}#/calendar?view=week&date=${date.item.start.slice(0, 10)}`)
    await page.reload()
    const start = date.item.start.slice(11, 16)
    const event = page.locator('.rbc-event[title]', {
      hasText: `${date.item.acceptedCount ?? 0}/${date.item.seatsLimit} +${date.item.waitingCount}`
    })
    await expect(event.first()).toBeVisible()
    const titles = await event.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''))
    const title = titles.find((t) => t.includes(start))!
    expect(title).toContain(`Zajęte miejsca: ${date.item.acceptedCount ?? 0} z ${date.item.seatsLimit}`)
    expect(title).toMatch(new RegExp(`Na liście rezerwowej: ${date.item.waitingCount} os`))
  })

  test('in the dark theme the toolbar reads at 4.5:1 and axe finds nothing serious', async ({
    page,
    harness
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await openDemo(page, harness)
    await page.goto(`${harness.pageUrl}#/settings`)
    await page.getByLabel('Motyw').selectOption('dark')
    await page.goto(`${harness.pageUrl}#/calendar`)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(page.locator('.rbc-event').first()).toBeVisible()
    expect(await accessibilityProblems(page)).toEqual([])
    for (const view of ['m', 'a']) {
      await page.locator('main').click({ position: { x: 5, y: 5 } })
      await page.keyboard.press(view)
      expect(await accessibilityProblems(page)).toEqual([])
    }
    await page.screenshot({ path: 'test/artifacts/screenshots/calendar-dark.png' })
    for (const page_ of ['#/meetings', '#/exams']) {
      await page.goto(`${harness.pageUrl}${page_}`)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      expect(await accessibilityProblems(page)).toEqual([])
      // The tables are the app's: left-aligned, a line under each row, links in the theme's accent.
      const table = page.locator('table.meetings, table.exam-groups').first()
      await expect(table).toBeVisible()
      const style = await table.evaluate((t) => {
        const cell = t.querySelector('tbody td')!
        const link = t.querySelector('a')!
        const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()
        const probe = document.createElement('span')
        probe.style.color = accent
        document.body.append(probe)
        const accentRgb = getComputedStyle(probe).color
        probe.remove()
        return {
          align: getComputedStyle(cell).textAlign,
          line: getComputedStyle(cell).borderBottomStyle,
          link: getComputedStyle(link).color,
          accentRgb
        }
      })
      expect(style.align).toBe('left')
      expect(style.line).toBe('solid')
      expect(style.link).toBe(style.accentRgb)
    }
  })
})

import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { accessibilityProblems } from './axe'
import { expect, openDemo, test } from './fixtures'

test.describe.configure({ mode: 'serial' })
test.use({ bypassCSP: true })

test.describe('meetings and notes on the demo installation', () => {
  test('lists the meetings and opens one with its dates', async ({ page, sharedHarness: harness }) => {
    await openDemo(page, harness)
    await page.getByRole('link', { name: 'Spotkania' }).click()
    await expect(page.getByRole('heading', { name: 'Spotkania' })).toBeVisible()
    const rows = page.locator('table.meetings tbody tr')
    await expect(rows.first()).toBeVisible()
    const total = await rows.count()
    expect(total).toBeGreaterThan(1)
    await page.screenshot({ path: 'test/artifacts/screenshots/meetings.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])

    // The filter narrows the list by name.
    const firstName = (await rows.first().locator('th').innerText()).trim()
    await page.getByLabel('Filtr').fill(firstName)
    expect(await rows.count()).toBeLessThanOrEqual(total)
    await expect(rows.first().locator('th')).toHaveText(firstName)

    await rows.first().getByRole('link').click()
    await expect(page.getByRole('heading', { name: firstName })).toBeVisible()
    const dates = page.locator('table.meeting-dates tbody tr')
    await expect(dates.first()).toBeVisible()

    // The meeting alone as ICS, with the participants' names when asked: one event per date.
    await page.getByLabel('z nazwiskami uczestników (dane osobowe)').check()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Eksportuj to spotkanie (ICS)' }).click()
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(await (await download).path(), 'utf8')))
    const events = calendar.getAllSubcomponents('vevent')
    expect(events).toHaveLength(await dates.count())
    const withPeople = events.filter((e) =>
      String(e.getFirstPropertyValue('description') ?? '').includes('Uczestnicy:')
    )
    expect(withPeople.length).toBeGreaterThan(0)
    await dates.first().getByRole('link').click()
    await expect(page.getByRole('heading', { name: firstName })).toBeVisible()
    await expect(page.getByRole('toolbar')).toBeVisible()
  })

  test('writes a note about a student: the draft survives a reload, then it is saved in USOS', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/meetings`)
    // Find a date with a student on its lists, through the meetings.
    const meetingLinks = page.locator('table.meetings tbody tr th a')
    await expect(meetingLinks.first()).toBeVisible({ timeout: 10_000 })
    const meetingHrefs = await meetingLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    let dateHref: string | null = null
    for (const href of meetingHrefs) {
      await page.goto(`${harness.pageUrl}${href}`)
      const dateLinks = page.locator('table.meeting-dates tbody tr th a')
      await expect(page.locator('h1')).toBeVisible()
      for (const d of await dateLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
        await page.goto(`${harness.pageUrl}${d}`)
        await expect(page.getByRole('toolbar')).toBeVisible()
        if ((await page.getByRole('button', { name: /^Notatki o:/ }).count()) > 0) {
          dateHref = d
          break
        }
      }
      if (dateHref) break
    }
    expect(dateHref).not.toBeNull()

    const notesButton = page.getByRole('button', { name: /^Notatki o:/ }).first()
    const name = ((await notesButton.locator('.visually-hidden').first().textContent()) ?? '')
      .trim()
      .replace(/^o: /, '')
    const row = page.locator('tr', {
      has: page.getByRole('button', { name: new RegExp(`^Notatki o: ${name}`) })
    })
    const countOf = async () =>
      (await row.first().getByTestId('notes-count').count()) === 0
        ? 0
        : Number(await row.first().getByTestId('notes-count').locator('[aria-hidden="true"]').textContent())
    const before = await countOf()
    await notesButton.click()
    const dialog = page.getByRole('dialog', { name: `Notatki o: ${name}` })
    await expect(dialog).toBeVisible()
    const privateNote = dialog.getByLabel('Notatka prywatna')
    await expect(privateNote).toBeFocused()
    const privateWasEmpty = (await privateNote.inputValue()) === ''
    const typed = `Omówiono rozdział 3; poprawki do środy — ${Date.now()}`
    await privateNote.fill(typed)
    await expect(dialog.getByTestId('notes-status')).toHaveText('Szkic zachowany na tym komputerze.')
    await page.screenshot({ path: 'test/artifacts/screenshots/notes-editor.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])

    // The window goes away before saving: the draft is still there.
    await page.reload()
    await page
      .getByRole('button', { name: new RegExp(`^Notatki o: ${name}`) })
      .first()
      .click()
    await expect(dialog.getByLabel('Notatka prywatna')).toHaveValue(typed)
    await expect(dialog.getByText('Jeszcze nie zapisano w USOS')).toBeVisible()

    await dialog.getByLabel('Notatka prywatna').press('Control+Enter')
    await expect(dialog.getByTestId('notes-status')).toHaveText('Zapisano w USOS.')
    await expect(dialog.getByRole('button', { name: 'Odrzuć szkic' })).toHaveCount(0)
    await expect(dialog.locator('.note-history')).toContainText(typed)
    await dialog.getByRole('button', { name: 'Zamknij' }).click()
    await expect(dialog).toHaveCount(0)

    // Opened again, the editor reads it back from USOS.
    await page
      .getByRole('button', { name: new RegExp(`^Notatki o: ${name}`) })
      .first()
      .click()
    await expect(dialog.getByLabel('Notatka prywatna')).toHaveValue(typed)
    // A second note (the public one, empty so far): the badge counts both, and says what it counts.
    const publicNote = dialog.getByLabel('Notatka publiczna')
    const publicWasEmpty = (await publicNote.inputValue()) === ''
    await publicNote.fill(`Konsultacja odbyta — ${Date.now()}`)
    await publicNote.press('Control+Enter')
    await expect(dialog.getByTestId('notes-status')).toHaveText('Zapisano w USOS.')
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    const after = before + (privateWasEmpty ? 1 : 0) + (publicWasEmpty ? 1 : 0)
    expect(after).toBeGreaterThanOrEqual(2)
    await expect.poll(countOf).toBe(after)
    await expect(row.first().getByTestId('notes-count')).toHaveAttribute(
      'title',
      new RegExp(`^${after} notat(ki|ek) o tej osobie$`)
    )
  })
})

test.describe('a refused change', () => {
  test('is shown with both sides: the change and what USOS has now', async ({
    page,
    sharedHarness: harness
  }) => {
    await page.goto(`${harness.pageUrl}#/calendar`)
    await expect(page.getByRole('heading', { name: 'Kalendarz' })).toBeVisible()
    // Fill a date, one outside person after another, until USOS refuses (through the page's API).
    const outcome = await page.evaluate(async () => {
      // window.api answers envelopes; the renderer unwraps them (bridge.ts), here by hand.
      const bridge = (
        window as unknown as { api: Record<string, (i?: object) => Promise<{ value: unknown }>> }
      ).api
      const call = async (name: string, input: object) => (await bridge[name]!(input)).value
      const items = (await call('calendarRange', { from: '2000-01-01', to: '2100-01-01' })) as Array<{
        id: string
        kind: string
      }>
      const date = items.find((i) => i.kind === 'meeting_date')!
      for (let n = 0; n < 60; n++) {
        const r = (await call('signUpOutsidePerson', {
          meetingDateId: date.id,
          firstName: 'Ewa',
          lastName: `Nadmiarowa ${n}`
        })) as { outcome: string }
        if (r.outcome !== 'done') return r.outcome
      }
      return 'never refused'
    })
    expect(outcome).toBe('needs_attention')
    await page.getByRole('link', { name: /Oczekujące zmiany/ }).click()
    const item = page.locator('li.needs_attention').first()
    await expect(item).toContainText(/Zapisz Ewa Nadmiarowa \d+ \(osoba spoza USOS\)/)
    await expect(item.getByText('Teraz w USOS')).toBeVisible()
    await expect(item).toContainText('zapisanych:')
    await page.screenshot({ path: 'test/artifacts/screenshots/outbox-conflict.png', fullPage: true })
    expect(await accessibilityProblems(page)).toEqual([])
  })
})

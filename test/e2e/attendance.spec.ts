import { readFileSync } from 'node:fs'
import type { MeetingDateDetails, ParticipantView } from '../../src/shared/types'
import { findDate, fullName, meetingDates, openDate } from './dates'
import { expect, openDemo, test } from './fixtures'

// Attendance is marked from the keyboard on a date's page (P, B, S), kept on this computer (USOS has
// no method for it), survives a reload, and is summed per student on the notes panel.
test('marks attendance with P, B and S, keeps it, and sums it on the notes panel', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const date = await findDate(page, (d) => d.main.filter((p) => !p.isExternal && p.userId).length >= 2)
  const [first, second] = date.main.filter((p) => !p.isExternal && p.userId)
  await openDate(page, harness.pageUrl, date.item.id)
  const row = (p: typeof first) => page.locator(`tr[data-participant-id="${p!.id}"]`)

  await row(first).getByRole('checkbox').check()
  await page.locator('main h1').focus()
  await page.keyboard.press('p')
  await expect(row(first).getByTestId('attendance')).toHaveText('obecny')
  await expect(page.getByText(/Zapisano obecność 1 osoby: obecny/)).toBeVisible()

  await row(second).getByRole('checkbox').check()
  await row(first).getByRole('checkbox').uncheck()
  await page.locator('main h1').focus()
  await page.keyboard.press('s')
  await expect(row(second).getByTestId('attendance')).toHaveText('spóźniony')
  await page.keyboard.press('b')
  await expect(row(second).getByTestId('attendance')).toHaveText('nieobecny')

  // Kept: a reload shows the same, and the column header says what it is.
  await page.reload()
  await expect(row(first).getByTestId('attendance')).toHaveText('obecny')
  await expect(row(second).getByTestId('attendance')).toHaveText('nieobecny')
  await expect(page.getByRole('columnheader', { name: 'Obecność' }).first()).toBeVisible()

  // The notes panel sums the student's attendance over the meeting's dates.
  await row(first)
    .getByRole('button', { name: new RegExp(`Notatki.*${fullName(first!)}`) })
    .click()
  await expect(page.getByTestId('attendance-summary')).toHaveText('Obecności w tym dyżurze: 1 z 1')

  // The keys are in the help.
  await page.keyboard.press('Escape')
  await page.locator('main h1').focus()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Skróty klawiszowe' })).toContainText(
    'Zaznaczone osoby spóźnione'
  )
})

// A meeting's attendance over all its dates, saved as CSV from the meeting's page: one row per student
// in Polish order, counts and "2 z 2" as marked on the dates' pages.
test('saves the meeting’s attendance per student as CSV after marking it on two dates', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const students = (d: MeetingDateDetails) => d.main.filter((p) => !p.isExternal && p.userId)
  const all = await meetingDates(page)
  const byMeeting = new Map<string, MeetingDateDetails[]>()
  for (const d of all)
    if (students(d).length >= 2)
      byMeeting.set(d.item.meetingId, [...(byMeeting.get(d.item.meetingId) ?? []), d])
  const [dateA, dateB] = [...byMeeting.values()].find((dates) => dates.length >= 2)!
  const meetingId = dateA!.item.meetingId

  // Marked on each date's page as a lecturer does: tick a person, press P, S or B.
  const keys = { p: 'present', s: 'late', b: 'absent' } as const
  const words = { p: 'obecny', s: 'spóźniony', b: 'nieobecny' } as const
  const marked: Array<{ person: ParticipantView; state: (typeof keys)[keyof typeof keys] }> = []
  for (const [date, plan] of [
    [dateA!, ['p', 's', 'b']],
    [dateB!, ['b', 'p', 's']]
  ] as const) {
    await openDate(page, harness.pageUrl, date.item.id)
    for (const [i, person] of students(date).slice(0, 3).entries()) {
      const key = plan[i]!
      const row = page.locator(`tr[data-participant-id="${person.id}"]`)
      await row.getByRole('checkbox').check()
      await page.locator('main h1').focus()
      await page.keyboard.press(key)
      await expect(row.getByTestId('attendance')).toHaveText(words[key])
      await row.getByRole('checkbox').uncheck()
      marked.push({ person, state: keys[key] })
    }
  }

  await page.goto(`${harness.pageUrl}#/meeting/${encodeURIComponent(meetingId)}`)
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Obecność na wszystkich terminach (CSV)' }).click()
  ])
  const csv = readFileSync(await file.path(), 'utf8')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const lines = csv.slice(1).trimEnd().split('\r\n')
  expect(lines[0]).toBe('"Imię i nazwisko";"Nr albumu";"Obecny";"Spóźniony";"Nieobecny";"Obecności"')

  // What the marks add up to, per student, in Polish order (last name, then first name).
  const people = new Map<string, { p: ParticipantView; present: number; late: number; absent: number }>()
  for (const { person, state } of marked) {
    const row = people.get(person.userId!) ?? { p: person, present: 0, late: 0, absent: 0 }
    row[state] += 1
    people.set(person.userId!, row)
  }
  const collator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true })
  const expected = [...people.values()]
    .sort(
      (a, b) => collator.compare(a.p.lastName, b.p.lastName) || collator.compare(a.p.firstName, b.p.firstName)
    )
    .map(
      (r) =>
        `"${r.p.firstName} ${r.p.lastName}";"${r.p.studentNumber ?? ''}";"${r.present}";"${r.late}";"${r.absent}";"${r.present + r.late} z ${r.present + r.late + r.absent}"`
    )
  expect(lines.slice(1)).toEqual(expected)
})

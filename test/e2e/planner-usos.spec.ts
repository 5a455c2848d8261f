import { addDays } from '../helpers/clock'
import { appToday } from './dates'
import { expect, openDemo, test } from './fixtures'

// A saved draft meets USOS: the parameters for USOSweb's generator, then (after the dates are made in
// USOSweb, here the demo's stand-in for it, and a sync) how many USOS has and which are missing.
test('a draft says what to type into USOSweb, and after a sync how many of its dates USOS has', async ({
  page,
  harness
}) => {
  await openDemo(page, harness)
  const today = await appToday(page)
  const setup = await page.evaluate(
    async ({ from, to }) => {
      const meetings = await window.api.listMeetings({})
      if (!meetings.ok) throw new Error(meetings.error.message)
      const meeting = meetings.value[0]!
      const saved = await window.api.saveDraft({
        draft: {
          name: 'Wieczorne konsultacje',
          meetingId: meeting.id,
          startDate: from,
          endDate: to,
          number: 3,
          frequency: 'daily',
          useCalendar: false,
          startTime: '21:00',
          durationMin: 45
        }
      })
      if (!saved.ok) throw new Error(saved.error.message)
      const accounts = await window.api.listAccounts({})
      if (!accounts.ok) throw new Error(accounts.error.message)
      const active = accounts.value.accounts.find((a) => a.active)!
      return { meetingId: meeting.id, draftId: saved.value.id, baseUrl: active.baseUrl }
    },
    { from: addDays(today, 10), to: addDays(today, 30) }
  )
  await page.goto(`${harness.pageUrl}#/planner`)
  await page.getByRole('button', { name: 'Edytuj' }).first().click()
  await page.getByRole('button', { name: 'Sprawdź w USOS' }).click()
  await expect(page.getByTestId('draft-usos-count')).toHaveText('W USOS: 0 z 3 terminów. Brakuje: 3.')
  const parameters = page.getByLabel('Parametry do generatora terminów w USOSweb')
  await expect(parameters).toHaveValue(/Liczba terminów: 3/)
  await expect(parameters).toHaveValue(/Godzina: 21:00, 45 minut/)

  // In USOSweb (the demo's stand-in): two of the three dates.
  const missing = page.getByRole('list', { name: 'Terminy, których brakuje w USOS' }).getByRole('listitem')
  await expect(missing).toHaveCount(3)
  const days = [addDays(today, 10), addDays(today, 11)]
  const res = await fetch(`${setup.baseUrl}__demo/meeting_dates`, {
    method: 'POST',
    body: JSON.stringify({
      meeting_id: Number(setup.meetingId),
      dates: days.map((d) => ({ start_time: `${d} 21:00:00`, end_time: `${d} 21:45:00` }))
    })
  })
  expect(res.status).toBe(200)
  await page.evaluate(() => window.api.sync({}))
  await page.getByRole('button', { name: 'Sprawdź w USOS' }).click()
  await expect(page.getByTestId('draft-usos-count')).toHaveText('W USOS: 2 z 3 terminów. Brakuje: 1.')
  await expect(missing).toHaveCount(1)
})

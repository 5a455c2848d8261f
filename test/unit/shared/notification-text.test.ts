/**
 * The words of the notifications, through the locale files as the main process reads them (the
 * window's toast uses the same function with react-i18next's `t`): Polish plural forms, names in
 * Polish order, times as the Warsaw wall clock whatever the machine's zone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { sortedPeople } from '../../../src/core/app/notifications'
import { mainTranslator } from '../../../src/main/system-notifications'
import { notificationText } from '../../../src/shared/notification-text'
import type { Language } from '../../../src/shared/types'
import type { ParticipantChangeView } from '../../../src/shared/types-attendance'
import type { NotificationFacts } from '../../../src/shared/types-notifications'

const say = (n: NotificationFacts, language: Language = 'pl') =>
  notificationText(n, mainTranslator(language), language)

const change = (
  firstName: string,
  lastName: string,
  start = '2026-12-07 10:00:00'
): ParticipantChangeView => ({
  participantId: `${firstName}-${lastName}`,
  meetingDateId: '11',
  name: `${firstName} ${lastName}`,
  firstName,
  lastName,
  start,
  list: 'main'
})

const reminder = (mainCount: number, seatsLimit: number | null = 5): NotificationFacts => ({
  kind: 'reminder',
  meetingDateId: '11',
  meetingName: { pl: 'Konsultacje z logiki', en: 'Logic consultations' },
  start: '2026-12-07 10:00:00',
  end: '2026-12-07 11:30:00',
  mainCount,
  seatsLimit
})

const zone = process.env.TZ
afterEach(() => {
  if (zone === undefined) delete process.env.TZ
  else process.env.TZ = zone
})

describe('notification texts', () => {
  it('name a new sign-up with the date, in Polish and in English', () => {
    const one = { kind: 'signedUp', people: sortedPeople([change('Maria', 'Kowalska')]) } as const
    expect(say(one)).toEqual({ title: 'Nowy zapis', lines: ['Maria Kowalska — pon., 7 grudnia, 10:00'] })
    expect(say(one, 'en')).toEqual({
      title: 'New sign-up',
      lines: ['Maria Kowalska — Mon, 7 December, 10:00']
    })
    const promoted = { kind: 'promoted', people: sortedPeople([change('Jan', 'Lis')]) } as const
    expect(say(promoted).title).toBe('Z listy rezerwowej na główną')
  })

  it('list many people in Polish order, five at most, with the rest counted', () => {
    const people = sortedPeople([
      change('Adam', 'Żak'),
      change('Ewa', 'Zając'),
      change('Olga', 'Łukasik'),
      change('Jan', 'Lis'),
      change('Anna', 'Duda', '2026-12-08 09:00:00'),
      change('Anna', 'Duda', '2026-12-07 12:00:00'),
      change('Iga', 'Dąbrowska')
    ])
    expect(people.map((p) => `${p.lastName} ${p.start.slice(8, 10)}`)).toEqual([
      'Dąbrowska 07',
      'Duda 07',
      'Duda 08',
      'Lis 07',
      'Łukasik 07',
      'Zając 07',
      'Żak 07'
    ])
    const text = say({ kind: 'signedUp', people })
    expect(text.title).toBe('Nowe zapisy (7)')
    expect(text.lines).toEqual([
      'Iga Dąbrowska — pon., 7 grudnia, 10:00',
      'Anna Duda — pon., 7 grudnia, 12:00',
      'Anna Duda — wt., 8 grudnia, 9:00',
      'Jan Lis — pon., 7 grudnia, 10:00',
      'Olga Łukasik — pon., 7 grudnia, 10:00',
      '…i jeszcze 2'
    ])
    expect(say({ kind: 'promoted', people: people.slice(0, 2) }).title).toBe(
      'Z listy rezerwowej na główną (2)'
    )
    expect(say({ kind: 'promoted', people: people.slice(0, 2) }, 'en').title).toBe(
      'From the reserve list to the main list (2)'
    )
  })

  it('remind of an office hour with its name, Warsaw time and the main list counted (Polish plurals)', () => {
    expect(say(reminder(3))).toEqual({
      title: 'Dyżur o 10:00: Konsultacje z logiki',
      lines: ['pon., 7 grudnia, 10:00–11:30', 'Na liście głównej: 3 osoby (miejsc: 5)']
    })
    expect(say(reminder(1)).lines[1]).toBe('Na liście głównej: 1 osoba (miejsc: 5)')
    expect(say(reminder(5)).lines[1]).toBe('Na liście głównej: 5 osób (miejsc: 5)')
    expect(say(reminder(0, null)).lines[1]).toBe('Na liście głównej: 0 osób')
    expect(say(reminder(1), 'en')).toEqual({
      title: 'Office hour at 10:00: Logic consultations',
      lines: ['Mon, 7 December, 10:00–11:30', 'On the main list: 1 person (seats: 5)']
    })
    // A meeting named in one language only is named in that one.
    expect(say({ ...reminder(2), meetingName: { pl: null, en: 'Logic' } } as NotificationFacts).title).toBe(
      'Dyżur o 10:00: Logic'
    )
  })

  it('say the Warsaw wall clock on a machine in another zone, summer and winter', () => {
    process.env.TZ = 'America/New_York'
    expect(say(reminder(2)).lines[0]).toBe('pon., 7 grudnia, 10:00–11:30')
    const summer = { ...reminder(2), start: '2027-06-07 10:00:00', end: '2027-06-07 11:00:00' }
    expect(say(summer as NotificationFacts).title).toBe('Dyżur o 10:00: Konsultacje z logiki')
    expect(say(summer as NotificationFacts).lines[0]).toBe('pon., 7 czerwca, 10:00–11:00')
  })
})

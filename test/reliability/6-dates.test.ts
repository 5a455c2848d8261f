/**
 * Finding 6: dates are real calendar days within sane years at every boundary: the CLI and the
 * handlers refuse 9999-12-31 and 2026-02-31 with one clear line instead of answering nothing.
 */
import { describe, expect, it } from 'vitest'
import { callApi, createApiHandlers } from '../../src/main/ipc'
import { isCalendarDay } from '../../src/shared/dates'
import { profileWithAccount } from '../helpers/profile'
import { cli, signedInContext, tempDir } from './helpers'

describe('finding 6: dates validated at the CLI and the handlers', () => {
  it.each([
    ['--to', '9999-12-31'],
    ['--to', '2026-02-31'],
    ['--from', '0001-01-01']
  ])('calendar %s %s is refused with one line, exit 2', async (flag, value) => {
    const dir = tempDir()
    profileWithAccount(dir).closeAll()
    const args = { '--from': '2026-01-01', '--to': '2026-12-31', [flag]: value }
    const r = await cli(['calendar', ...Object.entries(args).flat(), '--data-dir', dir])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toContain(`${flag} must be a date as YYYY-MM-DD`)
    expect(r.err).toContain(value)
  })

  it('export-ics refuses an impossible day too', async () => {
    const dir = tempDir()
    profileWithAccount(dir).closeAll()
    const r = await cli(['export-ics', '--out', `${dir}/x.ics`, '--from', '2026-02-30', '--data-dir', dir])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--from must be a date/)
  })

  it('the handlers refuse 2026-02-31 and 9999-12-31 (invalid_argument, one line) and take real days', async () => {
    const ctx = signedInContext(tempDir())
    try {
      const handlers = createApiHandlers(ctx)
      for (const range of [
        { from: '2026-02-01', to: '2026-02-31' },
        { from: '2026-01-01', to: '9999-12-31' }
      ]) {
        const answer = await callApi(handlers, 'calendarRange', range)
        expect(answer.ok).toBe(false)
        if (!answer.ok) {
          expect(answer.error.code).toBe('invalid_argument')
          expect(answer.error.message).not.toMatch(/\n/)
          expect(answer.error.message).toMatch(/YYYY-MM-DD/)
        }
      }
      const leap = await callApi(handlers, 'calendarRange', { from: '2028-02-01', to: '2028-02-29' })
      expect(leap).toEqual({ ok: true, value: [] })
    } finally {
      ctx.close()
    }
  })

  it('knows real days from impossible ones', () => {
    for (const day of ['2026-01-01', '2028-02-29', '2026-12-31', '1900-01-01', '2199-12-31'])
      expect(isCalendarDay(day), day).toBe(true)
    for (const day of [
      '2026-02-29',
      '2026-02-31',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '9999-12-31',
      '1899-12-31',
      '2026-1-1',
      ' 2026-01-01'
    ])
      expect(isCalendarDay(day), day).toBe(false)
  })
})

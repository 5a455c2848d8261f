import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectList, toMeeting, toMeetingDate, toParticipant } from '../../../src/core/sync'
import { UsosClient } from '../../../src/core/usos'
import { AppError } from '../../../src/shared/errors'

/** Anything JSON can carry, with USOS-like keys mixed in so the parsers go deep. */
const hostile = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom(
      '<img src=x onerror=alert(1)>',
      '2026-11-24 10:00:00',
      '2026-13-45 99:99:99',
      'x'.repeat(100_000)
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'pl',
        'en',
        'meeting',
        'start_time',
        'end_time',
        'user',
        'status',
        'room',
        'faculty',
        'term',
        'titles',
        'substantiation',
        'is_reserve'
      ),
      tie('value'),
      { maxKeys: 8 }
    )
  )
})).value

function survives(parse: (v: unknown) => unknown, v: unknown): void {
  try {
    parse(v)
  } catch (error) {
    // A malformed answer is a clear, typed error; never a TypeError from deep inside.
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(/USOS answered/)
  }
}

describe('hostile answers from USOS', () => {
  it('are parsed or refused with a clear error, never crash the sync', () => {
    fc.assert(
      fc.property(hostile, (v) => {
        for (const parse of [
          toMeeting,
          toMeetingDate,
          toParticipant,
          (x: unknown) => expectList(x, 'a list')
        ])
          survives(parse, v)
      }),
      { numRuns: 2000, seed: 42 }
    )
  })

  it('keep HTML in names as plain text', () => {
    const p = toParticipant({
      id: 1,
      status: 'accepted',
      user: { id: 2, first_name: '<script>alert(1)</script>', last_name: 'X' }
    })
    expect(p.user?.first_name).toBe('<script>alert(1)</script>')
  })

  it('reach the client as typed errors whatever the status and body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 400, 401, 403, 404, 500, 502),
        fc.oneof(
          fc.string(),
          hostile.map((v) => JSON.stringify(v))
        ),
        async (status, body) => {
          const client = new UsosClient({
            baseUrl: 'http://127.0.0.1:9/',
            consumer: { key: 'k', secret: 's' },
            retries: 0,
            fetch: (async () =>
              new Response(body, { status, headers: { 'Content-Type': 'application/json' } })) as typeof fetch
          })
          try {
            await client.call('meetings/lecturer')
          } catch (error) {
            expect(error).toBeInstanceOf(AppError)
          }
        }
      ),
      { numRuns: 300, seed: 7 }
    )
  })
})

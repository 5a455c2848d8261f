import { describe, expect, expectTypeOf, it } from 'vitest'
import { f, fieldSelector, fields, UsosError, type Selected } from '../../../src/core/usos'
import type { LangDict } from '../../../src/shared/types'

describe('field selectors', () => {
  it('builds the selector string from a structured list, nested references in brackets', () => {
    expect(fieldSelector({ id: true, lecturer: { id: true, faculty: { name: true } }, term: true })).toBe(
      'id|lecturer[id|faculty[name]]|term'
    )
    const meetingSel = fields({ id: true, name: true, lecturer: { id: true, first_name: true } })
    expect(meetingSel.selector).toBe('id|name|lecturer[id|first_name]')
    expect(String(meetingSel)).toBe('id|name|lecturer[id|first_name]')
  })

  it('gives the parsed type from the same spec', () => {
    const sel = fields({
      id: f.id,
      name: f.langDict,
      open: true,
      lecturer: { id: f.id, first_name: f.string },
      dates: f.list({ id: f.id, start_time: f.datetime }),
      room: f.nullable({ number: f.string }),
      seats: f.nullable(f.number),
      state: f.oneOf('active', 'inactive'),
      tags: f.list(f.string),
      note: f.optional(f.string)
    })
    expect(sel.selector).toBe(
      'id|name|open|lecturer[id|first_name]|dates[id|start_time]|room[number]|seats|state|tags|note'
    )
    type Meeting = Selected<typeof sel>
    expectTypeOf<Meeting>().toEqualTypeOf<{
      id: string
      name: LangDict
      open: unknown
      lecturer: { id: string; first_name: string } | null
      dates: { id: string; start_time: string }[]
      room: { number: string } | null
      seats: number | null
      state: 'active' | 'inactive'
      tags: string[]
      note: string | undefined
    }>()
    const m = sel.parse({
      id: 12,
      name: { pl: 'Konsultacje', en: null },
      open: true,
      lecturer: { id: '7', first_name: 'Zofia', extra: 1 },
      dates: [{ id: 1, start_time: '2026-11-23 10:00:00' }],
      room: null,
      state: 'active',
      tags: []
    })
    expect(m).toEqual({
      id: '12',
      name: { pl: 'Konsultacje', en: null },
      open: true,
      lecturer: { id: '7', first_name: 'Zofia' },
      dates: [{ id: '1', start_time: '2026-11-23 10:00:00' }],
      room: null,
      seats: null,
      state: 'active',
      tags: [],
      note: undefined
    })
  })

  it('reads lists and multi-id dicts, keeping nulls', () => {
    const sel = fields({ id: f.id })
    expect(sel.parseList([{ id: 1 }, { id: '2' }])).toEqual([{ id: '1' }, { id: '2' }])
    expect(sel.parseMap({ '1': { id: 1 }, '2': null })).toEqual({ '1': { id: '1' }, '2': null })
  })

  it('turns an answer of the wrong shape into a bad_response naming the field', () => {
    const sel = fields({ id: f.id, name: f.langDict, lecturer: { first_name: f.string } })
    const attempt = (v: unknown) => {
      try {
        sel.parse(v, 'meetings/meeting')
      } catch (e) {
        return e
      }
      return null
    }
    const e1 = attempt({ id: 1, name: 'plain', lecturer: null })
    expect(e1).toBeInstanceOf(UsosError)
    expect(e1).toMatchObject({ kind: 'bad_response', method: 'meetings/meeting' })
    expect((e1 as Error).message).toMatch(/\$\.name.*LangDict/)
    expect((attempt({ id: 1, name: { pl: 'a' }, lecturer: { first_name: 5 } }) as Error).message).toMatch(
      /\$\.lecturer\.first_name/
    )
    expect((attempt({ name: { pl: 'a' } }) as Error).message).toMatch(/\$\.id/)
    expect((attempt([1]) as Error).message).toMatch(/a list in \$/)
    expect(() => sel.parseList({})).toThrow(UsosError)
  })
})

import { describe, expect, it } from 'vitest'
import { toSubstantiations } from '../../../src/core/office-hours/substantiations'

describe('rejection substantiations as USOS answers them', () => {
  it('keeps ids as strings, whether USOS sends numbers or strings', () => {
    const answer = [
      { id: 7, name: { pl: 'Brak miejsc', en: 'No seats' }, message: { pl: 'Lista pełna', en: 'Full' } },
      { id: '8', name: { pl: 'Inny wydział', en: 'Other faculty' }, message: null }
    ]
    expect(toSubstantiations(answer)).toEqual([
      { id: '7', name: { pl: 'Brak miejsc', en: 'No seats' }, message: { pl: 'Lista pełna', en: 'Full' } },
      { id: '8', name: { pl: 'Inny wydział', en: 'Other faculty' }, message: { pl: null, en: null } }
    ])
  })

  it('leaves out entries without an id and tolerates a malformed answer', () => {
    expect(
      toSubstantiations([{ name: { pl: 'bez id' } }, null, { id: 3, name: 'not a LangDict', extra: 1 }])
    ).toEqual([{ id: '3', name: { pl: null, en: null }, message: { pl: null, en: null } }])
    expect(toSubstantiations({ error: 'x' })).toEqual([])
  })
})

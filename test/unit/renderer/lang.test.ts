import { describe, expect, it } from 'vitest'
import { langText } from '../../../src/renderer/app/lang'

describe('langText', () => {
  const both = { pl: 'Dyżur', en: 'Office hours' }

  it('answers the text in the UI language', () => {
    expect(langText(both, 'pl')).toBe('Dyżur')
    expect(langText(both, 'en')).toBe('Office hours')
  })

  it('falls back to the other language when the UI one is missing, empty or blank', () => {
    expect(langText({ pl: null, en: 'Office hours' }, 'pl')).toBe('Office hours')
    expect(langText({ pl: 'Dyżur', en: null }, 'en')).toBe('Dyżur')
    expect(langText({ pl: '', en: 'Office hours' }, 'pl')).toBe('Office hours')
    expect(langText({ pl: 'Dyżur', en: '   ' }, 'en')).toBe('Dyżur')
  })

  it('falls back to the given default when neither language has a text', () => {
    expect(langText({ pl: null, en: null }, 'pl', '(bez nazwy)')).toBe('(bez nazwy)')
    expect(langText({ pl: ' ', en: '' }, 'en', '(untitled)')).toBe('(untitled)')
    expect(langText(null, 'pl', '(bez nazwy)')).toBe('(bez nazwy)')
    expect(langText(undefined, 'en')).toBe('')
  })

  it('trims the text it answers', () => {
    expect(langText({ pl: '  Dyżur ', en: 'Office hours' }, 'pl')).toBe('Dyżur')
  })
})

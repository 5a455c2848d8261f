import { describe, expect, it } from 'vitest'
import en from '../../../src/renderer/app/locales/en.json'
import pl from '../../../src/renderer/app/locales/pl.json'

type Tree = { [key: string]: string | Tree }

/** Keys with i18next plural suffixes folded, so Polish may have _few/_many where English has not. */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>()
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.add(prefix + k.replace(/_(zero|one|two|few|many|other)$/, ''))
    else for (const sub of keys(v, `${prefix}${k}.`)) out.add(sub)
  }
  return out
}

describe('translations', () => {
  it('has every text in both Polish and English', () => {
    expect([...keys(pl as Tree)].sort()).toEqual([...keys(en as Tree)].sort())
  })

  it('gives Polish every plural form it needs where a text is counted', () => {
    const flat = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [prefix + k] : flat(v, `${prefix}${k}.`)
      )
    const plKeys = flat(pl as Tree)
    for (const one of plKeys.filter((k) => k.endsWith('_one'))) {
      const base = one.slice(0, -4)
      expect(plKeys, base).toEqual(expect.arrayContaining([`${base}_few`, `${base}_many`, `${base}_other`]))
    }
  })
})

/** The Polish grade scale that admission conditions name ("3 or higher", "any passing grade"). */
import type { Json } from '../../framework/types'

interface Grade {
  symbol: string
  passes: boolean
  decimal_value: string | null
  name: { pl: string; en: string }
  order_key: number
}

export const GRADES: readonly Grade[] = [
  {
    symbol: '2',
    passes: false,
    decimal_value: '2.0',
    name: { pl: 'niedostateczny', en: 'fail' },
    order_key: 20
  },
  {
    symbol: '3',
    passes: true,
    decimal_value: '3.0',
    name: { pl: 'dostateczny', en: 'satisfactory' },
    order_key: 30
  },
  {
    symbol: '3,5',
    passes: true,
    decimal_value: '3.5',
    name: { pl: 'dostateczny plus', en: 'satisfactory plus' },
    order_key: 35
  },
  { symbol: '4', passes: true, decimal_value: '4.0', name: { pl: 'dobry', en: 'good' }, order_key: 40 },
  {
    symbol: '4,5',
    passes: true,
    decimal_value: '4.5',
    name: { pl: 'dobry plus', en: 'good plus' },
    order_key: 45
  },
  {
    symbol: '5',
    passes: true,
    decimal_value: '5.0',
    name: { pl: 'bardzo dobry', en: 'very good' },
    order_key: 50
  },
  { symbol: 'ZAL', passes: true, decimal_value: null, name: { pl: 'zaliczone', en: 'passed' }, order_key: 60 }
]

/** `grade_value` of a condition: null means "any passing grade". */
export function gradeValue(symbol: string | null): Json {
  if (symbol === null) return null
  const g = GRADES.find((x) => x.symbol === symbol)
  return g ? { ...g, name: { ...g.name } } : null
}

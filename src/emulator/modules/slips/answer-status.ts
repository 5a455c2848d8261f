/**
 * regexp_cleared / regexp_rejected and the answer_status they compute.
 * USOS runs on PHP, so expressions may come PCRE-style with delimiters and flags ("/^tak/i");
 * a bare pattern ("^tak") is accepted too. Only flags JavaScript can honour are allowed.
 */
export type AnswerStatus = 'pending' | 'cleared' | 'rejected' | 'unclear'

const DELIMITED = /^([/#~@%!])([\s\S]*)\1([a-zA-Z]*)$/
const JS_FLAGS = new Set(['i', 'm', 's', 'u'])

/** The compiled expression; null for "no expression"; undefined when it is not a valid one. */
export function compilePattern(source: string | null): RegExp | null | undefined {
  if (source === null || source === '') return null
  let body = source
  let flags = ''
  const m = DELIMITED.exec(source)
  if (m) {
    body = m[2] ?? ''
    flags = m[3] ?? ''
    if ([...flags].some((f) => !JS_FLAGS.has(f)) || new Set(flags).size !== flags.length) return undefined
  }
  try {
    return new RegExp(body, flags)
  } catch {
    return undefined
  }
}

export function isValidPattern(source: string): boolean {
  return compilePattern(source) !== undefined
}

export function answerStatus(
  answer: string | null,
  regexpCleared: string | null,
  regexpRejected: string | null
): AnswerStatus {
  if (answer === null) return 'pending'
  const cleared = compilePattern(regexpCleared)?.test(answer) ?? false
  const rejected = compilePattern(regexpRejected)?.test(answer) ?? false
  if (cleared && !rejected) return 'cleared'
  if (rejected && !cleared) return 'rejected'
  return 'unclear'
}

/**
 * One naming for every JSON the CLI prints: snake_case keys, as USOS itself names fields
 * (`meeting_id`, `seats_limit`), whatever the app's TypeScript calls them inside.
 */
export function snakeCaseKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
}

export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCaseKey(k), snakeCaseKeys(v)]))
  }
  return value
}

/** The JSON the CLI prints: snake_case keys; `pretty` indents by two spaces. */
export function cliJson(value: unknown, pretty = false): string {
  return JSON.stringify(snakeCaseKeys(value), null, pretty ? 2 : undefined)
}

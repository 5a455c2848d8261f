/**
 * Field selectors from structured lists: `{ id: true, lecturer: { id: true, first_name: true } }`
 * becomes `id|lecturer[id|first_name]`. The reader of an answer keeps its list beside its parser, so
 * what is asked for and what is read come from one place.
 */
export type FieldSpec = { readonly [field: string]: true | FieldSpec }

export function fieldSelector(spec: FieldSpec): string {
  return Object.entries(spec)
    .map(([name, sub]) => (sub === true ? name : `${name}[${fieldSelector(sub)}]`))
    .join('|')
}

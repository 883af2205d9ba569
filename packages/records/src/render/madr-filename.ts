/**
 * [rec:RN6] A decision record's MADR file name, as ADR tools expect it (adr-tools, MADR's own
 * `docs/decisions`, adr-log): the record's number in four digits or more, a dash, and the title
 * as a lowercase ASCII slug — `0012-primary-database-for-the-ledger.md`. Accents are dropped from
 * their letters; any other run of characters outside `a-z0-9` is one dash; at most 60 characters
 * of slug; a title with nothing left gives `decision`. The number alone keeps names unique.
 */

const MAX_SLUG = 60

export interface MadrNamed {
  readonly number: number
  readonly title: string
}

export function madrFileName(record: MadrNamed): string {
  const slug = record.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG + 1)
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '')
  return `${String(record.number).padStart(4, '0')}-${slug || 'decision'}.md`
}

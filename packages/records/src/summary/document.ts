/**
 * The workshop summary as one document model: what a summary says, built once per template
 * (`build.ts`), then rendered — to Markdown by `render/summary-markdown.ts`, to HTML for print by
 * the web app. Both renderers get the same content, so the exports cannot drift apart.
 *
 * Text comes in runs that say whose it is: a plain string is Accord's own wording (written as it
 * is), a `user` run is text people typed (escaped by each renderer for its format).
 */

/** People's text, with what to show instead when it is blank. */
export interface UserText {
  readonly user: string
  readonly fallback?: string
}

export type Run =
  | string
  | UserText
  | { readonly strong: readonly Run[] }
  | { readonly em: readonly Run[] }
  | { readonly link: readonly Run[]; readonly href: string }

export type Line = readonly Run[]

export interface ListItem {
  /** Accord's lead-in before the item's text ("**Pros:** "), if any. */
  readonly lead?: Line
  /** People's text, which may run over several paragraphs. */
  readonly text?: string
}

export type Block =
  /** One line; a muted one is a remark of Accord's ("No notes."), shown in italics. */
  | { readonly kind: 'line'; readonly line: Line; readonly muted?: boolean }
  /** People's text, paragraphs kept; `empty` is shown instead when it is blank. */
  | { readonly kind: 'text'; readonly text: string; readonly empty?: Block }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  /** Every cell is shown as text (people's or Accord's), never as markup. */
  | {
      readonly kind: 'table'
      readonly head: readonly string[]
      readonly rows: readonly (readonly string[])[]
    }
  /** A theme, a risk, an option, a region: a titled part kept together on a printed page. */
  | { readonly kind: 'item'; readonly title: Line; readonly blocks: readonly Block[] }

export interface Section {
  readonly title: string
  readonly blocks: readonly Block[]
}

export interface SummaryDocument {
  /** The workshop's title, as people typed it. */
  readonly title: UserText
  readonly fields: readonly (readonly [label: string, value: Line])[]
  readonly sections: readonly Section[]
}

export const user = (text: string, fallback?: string): UserText =>
  fallback === undefined ? { user: text } : { user: text, fallback }

export const line = (...runs: Run[]): Block => ({ kind: 'line', line: runs })
export const muted = (text: string): Block => ({ kind: 'line', line: [text], muted: true })

/** People's text, or a muted remark when it is blank. */
export const text = (value: string, empty?: string): Block =>
  empty === undefined
    ? { kind: 'text', text: value }
    : { kind: 'text', text: value, empty: muted(empty) }

/** People's texts as a list (blank ones left out), or a muted remark when there are none. */
export function list(items: readonly string[], empty = 'None.'): Block {
  const texts = items.filter((item) => item.trim() !== '')
  return texts.length > 0 ? { kind: 'list', items: texts.map((t) => ({ text: t })) } : muted(empty)
}

export const table = (head: readonly string[], rows: readonly (readonly string[])[]): Block => ({
  kind: 'table',
  head,
  rows,
})

const present = (blocks: readonly (Block | null)[]) =>
  blocks.filter((block): block is Block => block !== null)

export const item = (title: Line, ...blocks: (Block | null)[]): Block => ({
  kind: 'item',
  title,
  blocks: present(blocks),
})

export const section = (title: string, ...blocks: (Block | null)[]): Section => ({
  title,
  blocks: present(blocks),
})

/** A value or a dash, for table cells. */
export const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value)

/** "1 dot", "3 dots". */
export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`

/** Runs with a separator between each. */
export function joined(lines: readonly Line[], separator: string): Line {
  return lines.flatMap((runs, index) => (index === 0 ? runs : [separator, ...runs]))
}

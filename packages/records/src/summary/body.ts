import type { Line, Section } from './document.js'

/** What a template's builder adds to the summary: details in the header, and its sections. */
export interface SummaryBody {
  readonly details: readonly (readonly [label: string, value: Line])[]
  readonly sections: readonly (Section | null)[]
}

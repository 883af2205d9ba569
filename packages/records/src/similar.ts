/**
 * The re-litigation guard's words: what a search looks for in the decision log, and whether an
 * accepted decision resembles a proposal closely enough to say so ("DR-12 decided this on 3 March;
 * revisit it?"). The database's full-text index finds and ranks candidates (SQLite FTS5,
 * PostgreSQL text search); this decides, the same way on both.
 */
import type { DecisionContent, DecisionRecord } from './model.js'

/** An accepted decision like a proposal, and the proposal's words it has. */
export interface SimilarDecision {
  readonly record: DecisionRecord
  readonly shared: readonly string[]
}

/** Words too common to say what a text is about (English, as most workshops are written). */
const stopWords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers him his how i if in into is it its itself just ' +
    'me more most my no nor not now of off on once only or other our ours out over own same she ' +
    'should so some such than that the their theirs them then there these they this those through ' +
    'to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours us let lets should shall may might must use using new make get'
  ).split(' '),
)

/** At most this many words of a text are searched for (a long context is mostly repetition). */
export const MAX_SEARCH_TERMS = 30

/**
 * [rec:SG1] The words a text is searched by: lowercased, split at anything but letters and digits,
 * without common words or (for `minLength` > 1) short ones, each once, at most `MAX_SEARCH_TERMS`.
 * Only letters and digits are left, so a term can never be read as search syntax.
 */
export function searchTerms(text: string, minLength = 1): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
  const terms = new Set<string>()
  for (const word of words) {
    if (word.length < minLength || word === '' || stopWords.has(word)) continue
    terms.add(word)
    if (terms.size === MAX_SEARCH_TERMS) break
  }
  return [...terms]
}

/** The text of a proposal or decision the guard compares: what it is about, not who took part. */
export function aboutText(
  content: Pick<DecisionContent, 'title' | 'context' | 'decision' | 'rationale' | 'tags'> & {
    readonly options?: DecisionContent['options']
  },
): string {
  return [
    content.title,
    content.context,
    content.decision,
    content.rationale,
    ...(content.options ?? []).map((option) => option.title),
    ...content.tags,
  ].join('\n')
}

/**
 * A rough English stem, so that "deploys", "deployed" and "deploying" count as one word when the
 * guard compares (the full-text index has its own, better stemmer for finding candidates).
 */
export function roughStem(word: string): string {
  for (const suffix of ['ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 's']) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length)
      return suffix === 'ies' || suffix === 'ied' ? `${stem}y` : stem
    }
  }
  return word
}

/**
 * [rec:SG1] The proposal's words a decision shares (by rough stem), and whether that is enough to
 * call it the same question: two words, or the only one a one-word proposal has.
 */
export function resemblance(
  proposalTerms: readonly string[],
  decisionText: string,
): { readonly shared: string[]; readonly similar: boolean } {
  const stems = new Set(searchTerms(decisionText, 3).map(roughStem))
  const shared = proposalTerms.filter((term) => stems.has(roughStem(term)))
  return {
    shared,
    similar: shared.length >= Math.min(2, proposalTerms.length) && shared.length > 0,
  }
}

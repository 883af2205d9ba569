/**
 * Every place a decision record can be read, each read back into the same few facts, so a test
 * can say "every view agrees" as one comparison per view (issue 17's agreement run): the stored
 * record as JSON, its MADR file, the log's MADR folder, the workshop's Markdown and JSON exports,
 * and — in Chromium — the record page, the decision log, the board's panel and mark, the board's
 * image and the printed summary.
 */
import type { Page } from 'playwright-core'
import type { DecisionJson } from './records-api.js'

/** What every view of one decision must say alike. A view states the facts it shows. */
export interface DecisionFacts {
  readonly status: 'accepted' | 'superseded'
  readonly supersededBy: string | null
  /** How the block was heard, when accepted over one ('' when not). */
  readonly acknowledgment: string
  /** The dissenters' reasons, in their own words. */
  readonly dissent: readonly string[]
  /** Everyone who has committed, the workshop's and later ones alike, sorted. */
  readonly committed: readonly string[]
  /** Those who committed after the decision was accepted, sorted. */
  readonly lateCommitted: readonly string[]
  /** Those who took part and have not committed, sorted. */
  readonly notCommitted: readonly string[]
  /** Its ledger, oldest first, each as "<who> <kind>" (rec:LG1). */
  readonly ledger: readonly string[]
}

/** How MADR and the record page word each ledger kind (the test's own table). */
const ledgerWords: Readonly<Record<string, string>> = {
  'proposed it': 'proposed',
  'changed the proposal': 'proposal-changed',
  'opened the stances': 'stances-opened',
  'gave a stance': 'stance-given',
  'changed their stance': 'stance-changed',
  'revealed the stances': 'revealed',
  decided: 'decided',
  'acknowledged the block': 'block-acknowledged',
  committed: 'committed',
}

/** "Faye proposed it: Move…" → "Faye proposed" (names here are one word). */
function ledgerEntry(line: string): string {
  const [by = '', ...rest] = line.split(':')[0]!.trim().split(' ')
  return `${by} ${ledgerWords[rest.join(' ')] ?? `?${rest.join(' ')}`}`
}

export type Facts = Partial<DecisionFacts>

const sorted = (names: Iterable<string>) => [...names].sort()

/** A stored record (`accord.decision/1`'s `decision`, or one of a workshop export's `decisions`). */
export function recordFacts(record: DecisionJson): DecisionFacts {
  return {
    status: record.status as DecisionFacts['status'],
    supersededBy: record.supersededBy,
    acknowledgment: (record as DecisionJson & { acknowledgment: string }).acknowledgment,
    dissent: record.dissent.map((stance) => stance.reason),
    committed: sorted(record.commitments.map((c) => c.name)),
    lateCommitted: sorted(
      record.ledger.filter((event) => event.kind === 'committed').map((event) => event.by),
    ),
    notCommitted: sorted(
      record.participants.filter((name) => !record.commitments.some((c) => c.name === name)),
    ),
    ledger: record.ledger.map((event) => `${event.by} ${event.kind}`),
  }
}

/** The lines of the Markdown section under `heading` (up to the next heading of any level). */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => line.replace(/^#+ /, '') === heading)
  if (start < 0) return []
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line))
  return lines.slice(start + 1, end < 0 ? undefined : end)
}

const dr = /DR-\d+/

/** A MADR file (one record's download, or a file of the log's folder). */
export function madrFacts(markdown: string): DecisionFacts {
  const status = /^\* Status: (.*)$/m.exec(markdown)?.[1] ?? ''
  const commitments = section(markdown, 'Commitments').filter((line) =>
    line.includes(' — committed '),
  )
  const acknowledgment = section(markdown, 'Decision Outcome')
    .join('\n')
    .split('how it was heard:\n\n')[1]
  return {
    status: status.startsWith('superseded') ? 'superseded' : (status as 'accepted'),
    supersededBy: status.startsWith('superseded') ? (dr.exec(status)?.[0] ?? null) : null,
    acknowledgment: acknowledgment?.split('\n\n')[0]?.trim() ?? '',
    dissent: section(markdown, 'Dissent')
      .filter((line) => line.startsWith('* '))
      .map((line) => line.replace(/^.*?: /, '')),
    committed: sorted(commitments.map((line) => line.replace(/^\* (.*?) — committed .*$/, '$1'))),
    lateCommitted: sorted(
      commitments
        .filter((line) => line.includes('after the decision'))
        .map((line) => line.replace(/^\* (.*?) — committed .*$/, '$1')),
    ),
    notCommitted: namesAfter(markdown, '**Not committed:**'),
    ledger: section(markdown, 'Ledger')
      .filter((line) => line.startsWith('* '))
      .map((line) => ledgerEntry(line.replace(/^\* .*? — /, ''))),
  }
}

/** The names listed after `label` on its line ("**Not committed:** Cy, Dee"), sorted. */
function namesAfter(text: string, label: string): string[] {
  const line = text.split('\n').find((each) => each.startsWith(label))
  return line
    ? sorted(
        line
          .slice(label.length)
          .split(',')
          .map((name) => name.trim()),
      )
    : []
}

/** A disagree-and-commit workshop's Markdown summary (the board's export, or the print view). */
export function summaryFacts(markdown: string): Facts {
  const decision = section(markdown, 'Decision').join('\n')
  const superseded = /Since superseded by (?:\*\*)?(DR-\d+)/.exec(decision)?.[1] ?? null
  return {
    status: superseded ? 'superseded' : 'accepted',
    supersededBy: superseded,
    acknowledgment: section(markdown, 'Accepted over a block').join('\n').trim(),
    dissent: section(markdown, 'Dissent')
      .filter((line) => line.startsWith('- '))
      .map((line) => line.replace(/^- .*? \(.*?\): /, '')),
    committed: sorted(
      section(markdown, 'Commitments')
        .filter((line) => line.includes(' — committed '))
        .map((line) => line.replace(/^- (.*?) — committed .*$/, '$1')),
    ),
    notCommitted: namesAfter(markdown, '**Not committed yet:**'),
  }
}

/**
 * The printed summary (the board's "Print summary"), written out as the Markdown export writes
 * the same summary — headings, list items, paragraphs — to be read by `summaryFacts`.
 */
export async function printFacts(page: Page): Promise<Facts> {
  const markdown = await page.getByTestId('print-summary').evaluate((root) => {
    const lines: string[] = []
    for (const element of Array.from(root.querySelectorAll('h1, h2, h3, h4, li, p'))) {
      const text = (element as HTMLElement).innerText.trim()
      if (/^H\d$/.test(element.tagName))
        lines.push(`${'#'.repeat(Number(element.tagName[1]))} ${text}`)
      else if (element.tagName === 'LI') lines.push(`- ${text}`)
      else if (!element.closest('li'))
        lines.push(text.replace(/^Not committed yet:/, '**Not committed yet:**'))
    }
    return lines.join('\n')
  })
  return summaryFacts(markdown)
}

const innerTexts = (page: Page, testId: string) => page.getByTestId(testId).allInnerTexts()

/** The record page (`/decisions/:id`), as open in `page`. */
export async function recordPageFacts(page: Page): Promise<DecisionFacts> {
  const status = (await page.getByTestId('decision-status').first().innerText()).toLowerCase()
  const supersededBy = await innerTexts(page, 'decision-superseded-by')
  const acknowledgment = await innerTexts(page, 'decision-acknowledgment')
  const commitments = await page.locator('.log-plain-list li').evaluateAll((items) =>
    items.map((item) => {
      // The name is the text before the commitment's time.
      let name = ''
      for (const node of Array.from(item.childNodes)) {
        if (node.nodeType !== Node.TEXT_NODE) break
        name += node.textContent ?? ''
      }
      return {
        name: name.replace('✓', ''),
        late: item.querySelector('[data-testid="commitment-after-decision"]') !== null,
      }
    }),
  )
  return {
    status: status.includes('superseded') ? 'superseded' : (status as 'accepted'),
    supersededBy: supersededBy[0] ?? null,
    acknowledgment: (acknowledgment[0] ?? '').replace(/^Accepted over a block\s*/, '').trim(),
    dissent: (
      await page.locator('[data-testid="decision-dissent-item"] blockquote').allInnerTexts()
    ).map((text) => text.trim()),
    committed: sorted(commitments.map((c) => c.name.trim())),
    lateCommitted: sorted(commitments.filter((c) => c.late).map((c) => c.name.trim())),
    notCommitted: namesAfter(
      (await innerTexts(page, 'decision-not-committed'))[0] ?? '',
      'Not committed yet:',
    ),
    ledger: (await innerTexts(page, 'decision-ledger-event')).map((line) =>
      ledgerEntry(line.split(' · ')[0] ?? ''),
    ),
  }
}

/** One record's entry in the decision log page (`/decisions`), as open in `page`. */
export async function logEntryFacts(page: Page, id: string): Promise<Facts> {
  const item = page.locator(`[data-testid="log-item"][data-id="${id}"]`)
  const status = (await item.getByTestId('decision-status').innerText()).toLowerCase()
  const supersededBy = await item.getByTestId('log-item-superseded-by').allInnerTexts()
  return {
    status: status.includes('superseded') ? 'superseded' : (status as 'accepted'),
    supersededBy: dr.exec(supersededBy[0] ?? '')?.[0] ?? null,
  }
}

/** The board's workshop panel and the mark on the region the record came from. */
export async function boardFacts(page: Page, id: string): Promise<Facts> {
  const mark = await page.getByTestId('decision-mark').filter({ hasText: id }).first().innerText()
  const committed = await page.getByTestId('commitment').allInnerTexts()
  return {
    status: mark.startsWith('Superseded') ? 'superseded' : 'accepted',
    supersededBy: /→ (DR-\d+)/.exec(mark)?.[1] ?? null,
    committed: sorted(committed.map((text) => text.replace('✓', '').trim())),
    notCommitted: sorted(
      (await page.getByTestId('not-committed-person').allInnerTexts()).map((name) => name.trim()),
    ),
  }
}

/**
 * What the board's image (SVG) shows in the Proposal region: the text the server writes there
 * (tldraw draws a text shape as paragraphs in a foreignObject), one line per paragraph.
 */
export function imageFacts(svg: string): Facts {
  const region =
    [...svg.matchAll(/<foreignObject[\s\S]*?<\/foreignObject>/g)]
      .map((match) =>
        [...match[0].matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((p) =>
          (p[1] ?? '').replace(/<[^>]*>/g, '').trim(),
        ),
      )
      .find((lines) => lines.some((line) => line.startsWith('Decides:'))) ?? []
  const line = (prefix: string) =>
    region
      .find((each) => each.startsWith(prefix))
      ?.slice(prefix.length)
      .trim()
  const record = line('Decision record:') ?? ''
  const superseded = /superseded by (DR-\d+)/.exec(record)?.[1] ?? null
  return {
    status: superseded ? 'superseded' : (/\((\w+)\)/.exec(record)?.[1] as 'accepted'),
    supersededBy: superseded,
    acknowledgment: line('Accepted over a block:') ?? '',
  }
}

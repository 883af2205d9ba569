/**
 * Every place an action item can be read, each read back into the same facts (issue 17's
 * agreement run): the store (`/api/action-items/:id`), the workshop's CSV, Markdown and JSON
 * exports, and — in Chromium — the `/actions` page, the badge on its note on the board and the
 * printed summary.
 */
import type { Page } from 'playwright-core'
import type { ActionItemJson } from './records-api.js'

export interface ActionFacts {
  readonly text: string
  readonly owner: string
  /** ISO day, or null. */
  readonly due: string | null
  readonly status: 'open' | 'done' | 'dropped'
}

export type PartialActionFacts = Partial<ActionFacts>

export const storedActionFacts = (item: ActionItemJson): ActionFacts => ({
  text: item.text,
  owner: item.ownerName,
  due: item.due,
  status: item.status,
})

/** The workshop CSV's row for the action `text` (texts in these tests hold no comma or quote). */
export function csvActionFacts(csv: string, text: string): PartialActionFacts {
  const [head = '', ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n')
  const columns = head.split(',')
  const row = rows
    .map((line) => line.split(','))
    .find((cells) => cells[columns.indexOf('kind')] === 'action' && cells.includes(text))
  if (!row) return {}
  const cell = (name: string) => row[columns.indexOf(name)] ?? ''
  return {
    text: cell('text'),
    owner: cell('owner'),
    due: cell('due') || null,
    status: cell('status') as ActionFacts['status'],
  }
}

const statusOfLabel = (label: string) => label.trim().toLowerCase() as ActionFacts['status']
const dueOfCell = (cell: string) => (cell.trim() === '—' ? null : cell.trim())

/** The workshop Markdown's "Action items" table row for `text`. */
export function markdownActionFacts(markdown: string, text: string): PartialActionFacts {
  const row = markdown.split('\n').find((line) => line.startsWith(`| ${text} |`))
  if (!row) return {}
  const [, owner = '', due = '', status = ''] = row
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim())
  return { text, owner, due: dueOfCell(due), status: statusOfLabel(status) }
}

/** The workshop JSON export's action (`records.actions`) with `text`. */
export function jsonActionFacts(
  exported: {
    records: { actions: { text: string; ownerName: string; due: string | null; status: string }[] }
  },
  text: string,
): PartialActionFacts {
  const action = exported.records.actions.find((each) => each.text === text)
  return action
    ? {
        text: action.text,
        owner: action.ownerName,
        due: action.due,
        status: action.status as ActionFacts['status'],
      }
    : {}
}

/** The `/actions` page's entry for item `id`, as open in `page`. */
export async function actionsPageFacts(page: Page, id: string): Promise<ActionFacts> {
  const item = page.locator(`[data-testid="actions-item"][data-id="${id}"]`)
  const meta = await item.locator('.actions-page-item__meta').innerText()
  const due = item.getByTestId('actions-item-due').locator('time')
  return {
    text: (await item.getByTestId('actions-item-text').innerText()).trim(),
    owner: /Owner: (.*?)(?:\n|Due|No due date|$)/.exec(meta)?.[1]?.trim() ?? '',
    due: (await due.count()) > 0 ? await due.getAttribute('datetime') : null,
    status: (await item.getAttribute('data-status')) as ActionFacts['status'],
  }
}

/** The badge on the action's note, on the board open in `page` (owner and follow-up). */
export async function badgeFacts(page: Page): Promise<PartialActionFacts> {
  const badge = page.getByTestId('action-badge').first()
  const text = await badge.innerText()
  return {
    owner:
      text
        .replace(/^(✓|Done:|Dropped:)\s*/, '')
        .split(' · ')[0]
        ?.trim() ?? '',
    status: (await badge.getAttribute('data-status')) as ActionFacts['status'],
  }
}

/** The printed summary's "Action items" row for `text` (the print view open in `page`). */
export async function printedActionFacts(page: Page, text: string): Promise<PartialActionFacts> {
  const cells = await page
    .getByTestId('print-summary')
    .locator('tr')
    .filter({ hasText: text })
    .first()
    .locator('td')
    .allInnerTexts()
  const [, owner = '', due = '', status = ''] = cells
  return { text, owner: owner.trim(), due: dueOfCell(due), status: statusOfLabel(status) }
}

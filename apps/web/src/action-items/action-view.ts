/**
 * The action-item page's logic, pure: the tab and owner in the address, which items a tab shows
 * (overdue: open and past due, by this browser's calendar), grouping by owner, and how an item's
 * history reads.
 */
import {
  type ActionChange,
  type ActionItemRecord,
  type ActionStatus,
  queryString,
} from '../api/records'

export type ActionTab = 'open' | 'overdue' | 'done' | 'dropped' | 'all'
export const actionTabs: readonly { readonly id: ActionTab; readonly label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'done', label: 'Done' },
  { id: 'dropped', label: 'Dropped' },
  { id: 'all', label: 'All' },
]

export interface ActionFilters {
  readonly tab: ActionTab
  /** An owner's name ('' for everyone). */
  readonly owner: string
}

const isTab = (value: string): value is ActionTab => actionTabs.some((tab) => tab.id === value)

/** `?status=overdue&owner=Pat` → the filters; open items of everyone by default. */
export function actionFiltersFromSearch(search: string): ActionFilters {
  const params = new URLSearchParams(search)
  const status = params.get('status') ?? ''
  return {
    tab: isTab(status) ? status : 'open',
    owner: (params.get('owner') ?? '').trim().slice(0, 80),
  }
}

export function searchForActionFilters(filters: ActionFilters): string {
  return queryString({
    status: filters.tab === 'open' ? undefined : filters.tab,
    owner: filters.owner.trim() || undefined,
  })
}

/**
 * The status to ask the server for. Overdue asks for open items and keeps those past due here, so
 * that the tab and the "overdue" marks agree on what today is.
 */
export function apiStatusFor(tab: ActionTab): ActionStatus | undefined {
  if (tab === 'all') return undefined
  return tab === 'overdue' ? 'open' : tab
}

/** Today in this browser's time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Open and due before `today`. */
export function isOverdue(item: Pick<ActionItemRecord, 'status' | 'due'>, today: string): boolean {
  return item.status === 'open' && item.due !== null && item.due < today
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase()

/** Whether an item belongs on a tab. */
export function onTab(
  item: Pick<ActionItemRecord, 'status' | 'due'>,
  tab: ActionTab,
  today: string,
) {
  if (tab === 'all') return true
  return tab === 'overdue' ? isOverdue(item, today) : item.status === tab
}

/**
 * The items the tab and owner filter show, in the order given. Items in `keep` (changed on this
 * page, say marked done on the open tab) stay where they are, showing their new state, until the
 * tab changes or the page loads again.
 */
export function visibleItems(
  items: readonly ActionItemRecord[],
  filters: ActionFilters,
  today: string,
  keep: ReadonlySet<string> = new Set(),
): ActionItemRecord[] {
  return items.filter(
    (item) =>
      keep.has(item.id) ||
      (onTab(item, filters.tab, today) &&
        (filters.owner === '' || sameName(item.ownerName, filters.owner))),
  )
}

export interface OwnerGroup {
  readonly owner: string
  readonly items: readonly ActionItemRecord[]
}

/** Items by owner (names compared without case), owners alphabetically, items in their order. */
export function groupByOwner(items: readonly ActionItemRecord[]): OwnerGroup[] {
  const groups = new Map<string, { owner: string; items: ActionItemRecord[] }>()
  for (const item of items) {
    const key = item.ownerName.toLocaleLowerCase()
    const group = groups.get(key)
    if (group) group.items.push(item)
    else groups.set(key, { owner: item.ownerName, items: [item] })
  }
  return [...groups.values()].sort((a, b) =>
    a.owner.localeCompare(b.owner, undefined, { sensitivity: 'base' }),
  )
}

/** Everyone who owns one of the items, once each, alphabetically. */
export function ownersOf(items: readonly ActionItemRecord[]): string[] {
  return groupByOwner(items).map((group) => group.owner)
}

export const actionStatusLabels: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  done: 'Done',
  dropped: 'Dropped',
}

/** What someone may do to an item's status from where it is. */
export function statusMoves(
  status: ActionStatus,
): readonly { readonly to: ActionStatus; readonly label: string }[] {
  return status === 'open'
    ? [
        { to: 'done', label: 'Mark done' },
        { to: 'dropped', label: 'Drop' },
      ]
    : [{ to: 'open', label: 'Reopen' }]
}

const fieldLabels: Readonly<Record<ActionChange['field'], string>> = {
  status: 'Status',
  owner: 'Owner',
  due: 'Due date',
  text: 'Text',
}

/** One change, as a sentence: "Status: open → done". */
export function describeChange(change: ActionChange): string {
  const value = (v: string | null) => (v === null || v === '' ? 'none' : v)
  return `${fieldLabels[change.field]}: ${value(change.from)} → ${value(change.to)}`
}

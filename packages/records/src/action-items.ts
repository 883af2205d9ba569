/**
 * Action items after the workshop: their status and owner change as work gets done, each change
 * kept in the item's history (who, when, from what to what).
 */
import { DUE_DATE, err, ok, type Result } from '@accord/facilitation'
import type { ActionChange, ActionItemRecord, ActionStatus } from './model.js'

export interface ActionUpdate {
  readonly status?: ActionStatus
  readonly ownerName?: string
  readonly due?: string | null
}

/** [rec:AC1] Applies an update; every changed field is logged. Nothing changed is refused. */
export function updateAction(
  item: ActionItemRecord,
  update: ActionUpdate,
  by: string | null,
  at: string,
): Result<ActionItemRecord> {
  const changes: ActionChange[] = []
  if (update.status !== undefined && update.status !== item.status)
    changes.push({ field: 'status', from: item.status, to: update.status, by, at })
  if (update.ownerName !== undefined) {
    const owner = update.ownerName.trim()
    if (owner === '') return err('an action item needs an owner')
    if (owner !== item.ownerName)
      changes.push({ field: 'owner', from: item.ownerName, to: owner, by, at })
  }
  if (update.due !== undefined && update.due !== item.due) {
    if (update.due !== null && !DUE_DATE.test(update.due)) return err('due: a date as YYYY-MM-DD')
    changes.push({ field: 'due', from: item.due, to: update.due, by, at })
  }
  if (changes.length === 0) return err('nothing to change')
  return ok({
    ...item,
    status: update.status ?? item.status,
    ownerName: update.ownerName?.trim() ?? item.ownerName,
    due: update.due === undefined ? item.due : update.due,
    history: [...item.history, ...changes],
  })
}

/** [rec:AC2] Open and past its due date (YYYY-MM-DD) on `today`. */
export function isOverdueAction(item: ActionItemRecord, today: string): boolean {
  return item.status === 'open' && item.due !== null && item.due < today
}

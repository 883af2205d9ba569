import type { ActionChange, ActionStatus, DecisionStatus, LedgerEventKind } from '@accord/records'
import { workshopEventKinds } from '@accord/records'

/** The values of the records tables' enum columns, shared by the SQLite and PostgreSQL schemas. */
export const decisionStatus = [
  'proposed',
  'accepted',
  'rejected',
  'superseded',
] as const satisfies readonly DecisionStatus[]
export const actionStatus = ['open', 'done', 'dropped'] as const satisfies readonly ActionStatus[]
export const actionField = [
  'status',
  'owner',
  'due',
  'text',
] as const satisfies readonly ActionChange['field'][]
export const outputKind = ['risk', 'theme', 'insight', 'need'] as const
/** What a decision's ledger records besides its status changes (`decision_events.kind`). */
export const ledgerEventKind = ['committed'] as const satisfies readonly LedgerEventKind[]
/** What a workshop's events say happened on the way to its decision (`workshop_events.kind`). */
export const workshopEventKind = workshopEventKinds

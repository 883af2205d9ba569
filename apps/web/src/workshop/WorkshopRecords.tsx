import type { DecisionRecord } from '@accord/records'
import { useState } from 'react'
import { Link } from '../app/Link'
import {
  actionsHref,
  currentDecision,
  decisionHref,
  savedSummary,
} from '../records-export/decision-marks'
import { saveRecords } from '../records-export/room-records'
import { refreshRoomDecisions } from '../records-export/use-room-decisions'

/**
 * The workshop's saved records in its panel: "Record decision" for the facilitator (saves the
 * decision, actions, risks and themes now, without closing), what was saved, and — once saved or
 * closed — the decision record and the follow-up of the action items.
 */
export function WorkshopRecords(props: {
  roomId: string
  token: string
  facilitates: boolean
  closedAt: number | null
  decisions: readonly DecisionRecord[]
  /** The action items on the board now. */
  actionCount: number
}) {
  const [saving, setSaving] = useState(false)
  // What the last save stored, until the workshop is closed (which saves again).
  const [lastSave, setLastSave] = useState<{
    text: string
    error: boolean
    closedAt: number | null
  } | null>(null)
  const saved = lastSave?.closedAt === props.closedAt ? lastSave : null
  const decision = currentDecision(props.decisions)

  async function record() {
    setSaving(true)
    const result = await saveRecords(props.roomId, props.token)
    setSaving(false)
    if (!result.ok) {
      setLastSave({ text: `Not saved: ${result.message}`, error: true, closedAt: props.closedAt })
      return
    }
    setLastSave({ text: savedSummary(result.value), error: false, closedAt: props.closedAt })
    await refreshRoomDecisions(props.roomId)
  }

  const showLinks = decision !== null || props.closedAt !== null || (saved && !saved.error)
  return (
    <section className="workshop-records" data-testid="workshop-records" aria-label="Records">
      {props.facilitates && (
        <div className="workshop-records__save">
          <button
            type="button"
            className="button"
            data-testid="records-save"
            disabled={saving}
            title="Save the decision, action items, risks and themes as records now, without closing"
            onClick={() => void record()}
          >
            {saving ? 'Recording…' : 'Record decision'}
          </button>
          {saved && (
            <span
              className={
                saved.error
                  ? 'workshop-records__saved workshop-records__saved--error'
                  : 'workshop-records__saved'
              }
              role="status"
              data-testid={saved.error ? 'records-error' : 'records-saved'}
            >
              {saved.text}
            </span>
          )}
        </div>
      )}
      {showLinks && (
        <ul className="workshop-records__links">
          {decision && (
            <li data-testid="records-decision">
              Decision record:{' '}
              <Link href={decisionHref(decision.id)} data-testid="records-decision-link">
                {decision.id}
              </Link>{' '}
              ({decision.status})
            </li>
          )}
          {(props.closedAt !== null || props.actionCount > 0) && (
            <li>
              <Link href={actionsHref} data-testid="records-actions-link">
                Follow up the action items
              </Link>
              {props.actionCount > 0 ? ` (${props.actionCount} on this board)` : ''}
            </li>
          )}
        </ul>
      )}
    </section>
  )
}

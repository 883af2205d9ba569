import type { DecisionRecord } from '@accord/records'
import { useState } from 'react'
import type { Editor } from 'tldraw'
import type { RoomMember } from '../api/workshop'
import { Link } from '../app/Link'
import {
  actionsHref,
  currentDecision,
  decisionHref,
  savedSummary,
} from '../records-export/decision-marks'
import { saveRecords } from '../records-export/room-records'
import { refreshRoomDecisions } from '../records-export/use-room-decisions'
import { FreeDecisionForm } from './FreeDecisionForm'

/**
 * The workshop's saved records in its panel, for the facilitator: on a disagree-and-commit,
 * "Record decision" saves its decision, actions, risks and themes now, without closing; on any
 * other board it writes down a free-form decision (rec:DR9), and "Save records" saves the rest.
 * Then what was saved, and — once saved or closed — the decision records and the follow-up of
 * the action items.
 */
export function WorkshopRecords(props: {
  roomId: string
  token: string
  facilitates: boolean
  closedAt: number | null
  decisions: readonly DecisionRecord[]
  /** The action items on the board now. */
  actionCount: number
  /** The board has no decision steps of its own: decisions are written down free-form. */
  freeDecisions: boolean
  editor: Editor
  members: readonly RoomMember[]
}) {
  const [writing, setWriting] = useState(false)
  const [saving, setSaving] = useState(false)
  // What the last save stored, until the workshop is closed (which saves again).
  const [lastSave, setLastSave] = useState<{
    text: string
    error: boolean
    closedAt: number | null
  } | null>(null)
  const saved = lastSave?.closedAt === props.closedAt ? lastSave : null
  const decision = currentDecision(props.decisions)
  // A free board keeps every decision it reached; a disagree-and-commit shows its current one.
  const shown = props.freeDecisions
    ? props.decisions.filter((record) => record.supersededBy === null)
    : decision
      ? [decision]
      : []

  async function recorded(record: DecisionRecord) {
    setWriting(false)
    setLastSave({
      text: `Recorded ${record.id} (${record.status}).`,
      error: false,
      closedAt: props.closedAt,
    })
    await refreshRoomDecisions(props.roomId)
  }

  async function record() {
    setSaving(true)
    const result = await saveRecords(props.roomId, props.token)
    setSaving(false)
    if (!result.ok) {
      setLastSave({ text: `Not saved: ${result.message}`, error: true, closedAt: props.closedAt })
      return
    }
    setLastSave({
      text: savedSummary(result.value, props.freeDecisions),
      error: false,
      closedAt: props.closedAt,
    })
    await refreshRoomDecisions(props.roomId)
  }

  const showLinks = shown.length > 0 || props.closedAt !== null || (saved && !saved.error)
  return (
    <section className="workshop-records" data-testid="workshop-records" aria-label="Records">
      {props.facilitates && (
        <div className="workshop-records__save">
          {props.freeDecisions && (
            <button
              type="button"
              className="button"
              data-testid="free-decision-open"
              aria-expanded={writing}
              onClick={() => setWriting((open) => !open)}
            >
              Record decision
            </button>
          )}
          <button
            type="button"
            className="button"
            data-testid="records-save"
            disabled={saving}
            title={
              props.freeDecisions
                ? 'Save the action items, risks and themes as records now, without closing'
                : 'Save the decision, action items, risks and themes as records now, without closing'
            }
            onClick={() => void record()}
          >
            {saving ? 'Saving…' : props.freeDecisions ? 'Save records' : 'Record decision'}
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
      {props.facilitates && writing && (
        <FreeDecisionForm
          roomId={props.roomId}
          token={props.token}
          editor={props.editor}
          members={props.members}
          onRecorded={(record) => void recorded(record)}
          onCancel={() => setWriting(false)}
        />
      )}
      {showLinks && (
        <ul className="workshop-records__links">
          {shown.map((record) => (
            <li key={record.id} data-testid="records-decision">
              Decision record:{' '}
              <Link href={decisionHref(record.id)} data-testid="records-decision-link">
                {record.id}
              </Link>{' '}
              ({record.status}
              {props.freeDecisions ? `: ${record.title}` : ''})
            </li>
          ))}
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

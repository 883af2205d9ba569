import type { PreMortemResult } from '@accord/templates'
import { useState } from 'react'
import type { RoomMember } from '../../api/workshop'
import type { Send } from '../form-command'
import { PhaseSection } from '../panel-parts'
import { BriefForm } from './BriefForm'

/** The plan and its owner; the facilitator records (and edits) them. */
export function BriefSection(props: {
  plan: PreMortemResult['plan']
  /** This person may record the plan. */
  editBrief: boolean
  members: readonly RoomMember[]
  send: Send
  active: boolean
}) {
  const { plan } = props
  const [editing, setEditing] = useState(false)

  return (
    <PhaseSection
      className="premortem-section"
      title="The plan"
      active={props.active}
      testId="premortem-brief"
    >
      {props.editBrief && (editing || plan === null) ? (
        <BriefForm
          plan={plan}
          members={props.members}
          send={props.send}
          onDone={() => setEditing(false)}
          onCancel={plan ? () => setEditing(false) : null}
        />
      ) : plan ? (
        <>
          <p className="premortem-text" data-testid="premortem-plan">
            {plan.statement}
          </p>
          <p data-testid="premortem-owner">
            Plan owner: <strong>{plan.ownerName}</strong>
          </p>
        </>
      ) : (
        <p className="form-hint">The facilitator records the plan and its owner.</p>
      )}
      {props.editBrief && plan && !editing && (
        <button
          type="button"
          className="button button--quiet"
          data-testid="premortem-brief-edit"
          onClick={() => setEditing(true)}
        >
          Edit the plan
        </button>
      )}
    </PhaseSection>
  )
}

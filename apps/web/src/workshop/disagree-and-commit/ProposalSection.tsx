import { useState } from 'react'
import type { RoomMember } from '../../api/workshop'
import { PhaseSection } from '../panel-parts'
import type { SectionProps } from './decision-view'
import { ProposalForm } from './ProposalForm'
import { ProposalView } from './ProposalView'

/** The proposal and who decides; the facilitator writes it, until the stances are revealed. */
export function ProposalSection(props: SectionProps & { members: readonly RoomMember[] }) {
  const { view } = props
  const proposal = props.result.proposal
  const [editing, setEditing] = useState(false)

  return (
    <PhaseSection
      className="decision-section"
      title="Proposal"
      active={props.active}
      testId="decision-proposal"
    >
      {view.editProposal && (editing || proposal === null) ? (
        <ProposalForm
          proposal={proposal}
          members={props.members}
          send={props.send}
          onDone={() => setEditing(false)}
          onCancel={proposal ? () => setEditing(false) : null}
        />
      ) : proposal ? (
        <ProposalView proposal={proposal} compact={view.compactProposal} />
      ) : (
        <p className="form-hint" data-testid="decision-no-proposal">
          The facilitator records the proposal.
        </p>
      )}
      {view.editProposal && proposal && !editing && (
        <button
          type="button"
          className="button button--quiet"
          data-testid="proposal-edit"
          onClick={() => setEditing(true)}
        >
          Edit the proposal
        </button>
      )}
      {view.proposalLocked && (
        <p className="form-hint" data-testid="proposal-locked">
          The stances are revealed: the proposal is locked.
        </p>
      )}
    </PhaseSection>
  )
}

import type { ProposalChange, RevisitedDecision } from '@accord/templates'
import { Link } from '../../app/Link'
import { decisionPath } from '../../app/routes'
import { formatDay } from '../../decisions/RecordsHeader'
import { useState } from 'react'
import type { RoomMember } from '../../api/workshop'
import { PhaseSection } from '../panel-parts'
import type { SectionProps } from './decision-view'
import { ProposalForm } from './ProposalForm'
import { ProposalView } from './ProposalView'

/**
 * The proposal and who decides; the facilitator writes it, until the stances are revealed. A new
 * wording after stances were given sets them aside: the facilitator is told before saving, and
 * everyone after.
 */
export function ProposalSection(
  props: SectionProps & {
    members: readonly RoomMember[]
    stancesGiven: number
    proposalChanged: ProposalChange | null
    /** The revisited decision's words, to start from (rec:DR10). */
    draft: RevisitedDecision['draft'] | null
  },
) {
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
      {props.result.revisits && (
        <p className="form-notice" data-testid="decision-revisits">
          Revisits{' '}
          <Link href={decisionPath(props.result.revisits.id)}>{props.result.revisits.id}</Link> “
          {props.result.revisits.title}”, decided {formatDay(props.result.revisits.date)}. It stays
          current until this workshop accepts a new decision.
        </p>
      )}
      {props.proposalChanged && !view.revealed && (
        <p className="form-notice" role="status" data-testid="proposal-changed">
          {props.proposalChanged.byName || 'The facilitator'} changed the proposal after{' '}
          {props.proposalChanged.setAside === 1
            ? 'a stance was given'
            : `${props.proposalChanged.setAside} stances were given`}
          : {props.proposalChanged.setAside === 1 ? 'it was' : 'they were'} set aside. Give your
          stance on the proposal as it reads now.
        </p>
      )}
      {view.editProposal && editing && props.stancesGiven > 0 && (
        <p className="form-hint" data-testid="proposal-change-warning">
          {props.stancesGiven === 1 ? 'A stance has' : `${props.stancesGiven} stances have`} been
          given on this wording: saving a new one sets {props.stancesGiven === 1 ? 'it' : 'them'}{' '}
          aside, and everyone gives their stance again.
        </p>
      )}
      {view.editProposal && (editing || proposal === null) ? (
        <ProposalForm
          proposal={proposal}
          draft={props.draft}
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

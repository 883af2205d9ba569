import { currentPhase } from '@accord/facilitation'
import { type DecisionResult, readDecisionData } from '@accord/templates'
import type { TemplatePanelProps } from '../panel-props'
import { useScrollToActive } from '../use-scroll-to-active'
import { CommitmentsSection } from './CommitmentsSection'
import {
  activeSection,
  decisionView,
  givenStances,
  scaleOf,
  type SectionName,
  type SectionProps,
} from './decision-view'
import { DecisionSection } from './DecisionSection'
import { ProposalSection } from './ProposalSection'
import { StancesSection } from './StancesSection'

/**
 * Disagree and commit: the proposal and who decides, hidden stances (only one's own is ever
 * shown before the reveal), the revealed distribution and the dissent in the dissenters' words,
 * the decider's decision, and who has committed.
 */
export function DecisionPanel(props: TemplatePanelProps<DecisionResult>) {
  const { state, self, facilitates, send } = props
  const { result } = props
  const data = state.workshop?.data ?? {}
  const phaseId = currentPhase(state.plan).id
  const given = givenStances(data)
  const { round, proposalChanged, draft } = readDecisionData(data)
  const view = decisionView({ phaseId, self, facilitates, result, given })
  const active = activeSection(phaseId)
  const panel = useScrollToActive<HTMLDivElement>(phaseId)
  const section = (name: SectionName): SectionProps => ({
    result,
    view,
    send,
    active: active === name,
  })

  return (
    <div className="decision" data-testid="decision-panel" ref={panel}>
      <ProposalSection
        {...section('proposal')}
        members={props.members}
        stancesGiven={given.length}
        proposalChanged={proposalChanged}
        draft={draft}
      />
      {view.showStances && (
        <StancesSection
          {...section('stances')}
          given={given}
          round={round}
          scale={scaleOf(state.workshop?.options)}
          roomId={props.roomId}
          token={props.token}
        />
      )}
      {view.showDecision && <DecisionSection {...section('decision')} />}
      {view.showCommitments && <CommitmentsSection {...section('commitments')} />}
    </div>
  )
}

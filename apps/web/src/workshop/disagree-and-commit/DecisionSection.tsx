import { PhaseSection } from '../panel-parts'
import type { SectionProps } from './decision-view'
import { DecisionForm } from './DecisionForm'
import { RecordedDecision } from './RecordedDecision'

/** The decision: as recorded, or whom it waits for; the decider records (and changes) it. */
export function DecisionSection(props: SectionProps) {
  const { result, view } = props
  const proposal = result.proposal

  return (
    <PhaseSection
      className="decision-section"
      title="Decision"
      active={props.active}
      testId="decision-decision"
    >
      {result.decision ? (
        <RecordedDecision decision={result.decision} />
      ) : (
        <p className="form-hint" data-testid="decision-waiting">
          {view.isDecider
            ? view.revealed
              ? 'You decide: record the outcome and the rationale.'
              : 'You decide, once the stances are revealed.'
            : `Waiting for ${proposal?.deciderName ?? 'the decider'} to decide.`}
        </p>
      )}
      {view.recordDecision && proposal && (
        <DecisionForm
          key={result.decision?.at ?? 'new'}
          proposal={proposal}
          decision={result.decision}
          blocks={result.summary?.blocks ?? 0}
          send={props.send}
        />
      )}
    </PhaseSection>
  )
}

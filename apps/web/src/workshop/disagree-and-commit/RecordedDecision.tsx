import type { DecisionResult } from '@accord/templates'

/**
 * The decision as the decider recorded it: the outcome, the option chosen, the rationale and the
 * consequences.
 */
export function RecordedDecision({
  decision,
}: {
  decision: NonNullable<DecisionResult['decision']>
}) {
  return (
    <div className="decision-recorded" data-testid="decision-recorded">
      <p>
        <span
          className={`decision-outcome decision-outcome--${decision.outcome}`}
          data-testid="decision-outcome"
        >
          {decision.outcome === 'accepted' ? 'Accepted' : 'Rejected'}
        </span>
        {decision.option && (
          <>
            {' · '}
            <span data-testid="decision-option">{decision.option}</span>
          </>
        )}
      </p>
      <p className="decision-text" data-testid="decision-text">
        {decision.text}
      </p>
      <p className="decision-text" data-testid="decision-rationale">
        <strong>Rationale:</strong> {decision.rationale}
      </p>
      {decision.consequences && (
        <p className="decision-text" data-testid="decision-consequences">
          <strong>Consequences:</strong> {decision.consequences}
        </p>
      )}
      {decision.acknowledgment && (
        <p className="decision-text" data-testid="decision-acknowledgment">
          <strong>Accepted over a block:</strong> {decision.acknowledgment}
        </p>
      )}
      <p className="form-hint">Decided by {decision.deciderName}</p>
    </div>
  )
}

import { PhaseSection } from '../panel-parts'
import type { SectionProps } from './decision-view'

/** The commitments: one's own "I commit", who has committed and who has not yet. */
export function CommitmentsSection(props: SectionProps) {
  const { result, view } = props
  const people = result.participants

  return (
    <PhaseSection
      className="decision-section"
      title="Commitments"
      active={props.active}
      testId="decision-commitments"
    >
      {view.commit && (
        <button
          type="button"
          className="button button--primary decision-commit"
          data-testid="decision-commit"
          onClick={() => void props.send({ type: 'commit' })}
        >
          I commit
        </button>
      )}
      {view.hasCommitted && (
        <p className="decision-committed-self" data-testid="decision-committed-self">
          ✓ You have committed to the decision.
        </p>
      )}
      <p data-testid="commitments-count">
        {result.commitments.length} of {people.length} committed
      </p>
      {result.commitments.length > 0 && (
        <ul className="decision-people" data-testid="commitments-list">
          {result.commitments.map((c) => (
            <li key={c.memberId} data-testid="commitment">
              ✓ {c.name}
            </li>
          ))}
        </ul>
      )}
      {result.notCommitted.length > 0 && (
        <>
          <p className="form-hint">Not yet committed:</p>
          <ul className="decision-people decision-people--waiting" data-testid="not-committed">
            {result.notCommitted.map((p) => (
              <li key={p.id} data-testid="not-committed-person">
                {p.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </PhaseSection>
  )
}

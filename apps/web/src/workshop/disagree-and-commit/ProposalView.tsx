import type { Proposal } from '@accord/templates'

/** The proposal as recorded; `compact` folds the options considered away. */
export function ProposalView({ proposal, compact }: { proposal: Proposal; compact: boolean }) {
  const options = (
    <ul className="decision-options" data-testid="proposal-options">
      {proposal.options.map((option) => (
        <li key={option.title} data-testid="proposal-option">
          <strong>{option.title}</strong>
          {option.pros && <span className="decision-pro">+ {option.pros}</span>}
          {option.cons && <span className="decision-con">− {option.cons}</span>}
        </li>
      ))}
    </ul>
  )
  return (
    <div className="decision-proposal">
      <p className="decision-proposal__title" data-testid="proposal-title">
        <strong>{proposal.title}</strong>
      </p>
      {proposal.context && (
        <p className="decision-text" data-testid="proposal-context">
          {proposal.context}
        </p>
      )}
      {proposal.options.length > 0 &&
        (compact ? (
          <details className="decision-details">
            <summary>Options considered ({proposal.options.length})</summary>
            {options}
          </details>
        ) : (
          <>
            <h4>Options considered</h4>
            {options}
          </>
        ))}
      <p data-testid="proposal-decider">
        Decides: <strong>{proposal.deciderName}</strong>
      </p>
    </div>
  )
}

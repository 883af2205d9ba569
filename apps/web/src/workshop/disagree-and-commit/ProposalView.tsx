import type { Proposal } from '@accord/templates'
import type { ReactNode } from 'react'

/**
 * The proposal as recorded, with its decision drivers, who is informed and its tags; `compact`
 * folds the drivers and the options considered away.
 */
export function ProposalView({ proposal, compact }: { proposal: Proposal; compact: boolean }) {
  const drivers = (
    <ul className="decision-drivers" data-testid="proposal-drivers">
      {proposal.drivers.map((driver, index) => (
        <li key={index} data-testid="proposal-driver">
          {driver}
        </li>
      ))}
    </ul>
  )
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
  /** A list under its heading, or folded away behind its summary when compact. */
  const folding = (title: string, count: number, list: ReactNode) =>
    count === 0 ? null : compact ? (
      <details className="decision-details">
        <summary>
          {title} ({count})
        </summary>
        {list}
      </details>
    ) : (
      <>
        <h4>{title}</h4>
        {list}
      </>
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
      {folding('Decision drivers', proposal.drivers.length, drivers)}
      {folding('Options considered', proposal.options.length, options)}
      <p data-testid="proposal-decider">
        Decides: <strong>{proposal.deciderName}</strong>
      </p>
      {proposal.informed.length > 0 && (
        <p data-testid="proposal-informed">Inform: {proposal.informed.join(', ')}</p>
      )}
      {proposal.tags.length > 0 && (
        <ul className="decision-tags" aria-label="Tags" data-testid="proposal-tags">
          {proposal.tags.map((tag) => (
            <li key={tag} data-testid="proposal-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

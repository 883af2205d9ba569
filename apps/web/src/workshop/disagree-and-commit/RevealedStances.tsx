import { type DecisionResult, type Scale, stanceLabel } from '@accord/templates'
import { distributionBars, stanceAuthor } from './decision-view'

/** The revealed stances: how many, the average and the blocks, the distribution, the dissent. */
export function RevealedStances({ result, scale }: { result: DecisionResult; scale: Scale }) {
  const summary = result.summary
  if (!summary) return null
  const bars = distributionBars(scale, summary)
  return (
    <div className="decision-revealed" data-testid="stances-revealed">
      <p data-testid="stances-summary">
        {summary.count} {summary.count === 1 ? 'stance' : 'stances'}
        {summary.average !== null && (
          <>
            {' · '}average <strong data-testid="stances-average">{summary.average}</strong> of 5
          </>
        )}
        {' · '}
        <span data-testid="stances-blocks">
          {summary.blocks} {summary.blocks === 1 ? 'block' : 'blocks'}
        </span>
      </p>
      <ul className="decision-chart" aria-label="How the stances are distributed">
        {bars.map((bar) => (
          <li key={bar.key} className="decision-chart__row" data-testid={`stance-bar-${bar.key}`}>
            <span className="decision-chart__label">{bar.label}</span>
            <span className="decision-chart__track" aria-hidden="true">
              <span className="decision-chart__bar" style={{ width: `${bar.percent}%` }} />
            </span>
            <span className="decision-chart__count" data-testid="stance-bar-count">
              {bar.count}
            </span>
          </li>
        ))}
      </ul>
      <h4>Dissent</h4>
      {result.dissent.length === 0 ? (
        <p className="form-hint" data-testid="dissent-none">
          Nobody dissents.
        </p>
      ) : (
        <ul className="decision-dissent" data-testid="dissent-list">
          {result.dissent.map((stance, index) => (
            <li key={index} data-testid="dissent">
              <span className="decision-dissent__who">
                <strong>{stanceAuthor(stance)}</strong> · {stanceLabel(stance.value)}
              </span>
              {stance.reason && <q className="decision-dissent__reason">{stance.reason}</q>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

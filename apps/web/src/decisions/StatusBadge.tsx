import type { DecisionStatus } from '../api/records'
import { statusLabels } from './decision-view'

export function StatusBadge({ status }: { status: DecisionStatus }) {
  return (
    <span className={`log-status log-status--${status}`} data-testid="decision-status">
      {statusLabels[status]}
    </span>
  )
}

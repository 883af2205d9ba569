import { type ConnectionIndicator, connectionIndicator, type RoomStatus } from './room-status'

const labels: Record<ConnectionIndicator, string> = {
  online: 'Online',
  connecting: 'Connecting…',
  offline: 'Offline — edits are kept on this device',
  'not-found': 'Board not found',
}

export function ConnectionBadge({ status }: { status: RoomStatus }) {
  const state = connectionIndicator(status)
  return (
    <span
      className={`badge badge--${state}`}
      data-testid="connection-status"
      data-state={state}
      role="status"
      aria-live="polite"
    >
      <span className="badge__dot" aria-hidden="true" />
      {labels[state]}
    </span>
  )
}

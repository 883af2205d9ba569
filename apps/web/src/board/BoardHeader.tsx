import { boardPath } from '../app/routes'
import { ConnectionBadge } from './ConnectionBadge'
import { DisplayNameField } from './DisplayNameField'
import type { RoomStatus } from './room-status'
import { ShareLink } from './ShareLink'

export function BoardHeader(props: { roomId: string; title: string; status: RoomStatus }) {
  const shareUrl = `${window.location.origin}${boardPath(props.roomId)}`
  return (
    <header className="board-header">
      <a className="brand" href="/" aria-label="Accord home">
        Accord
      </a>
      <h1 className="board-header__title" data-testid="board-title">
        {props.title}
      </h1>
      <ConnectionBadge status={props.status} />
      <div className="board-header__spacer" />
      <DisplayNameField />
      <ShareLink url={shareUrl} />
    </header>
  )
}

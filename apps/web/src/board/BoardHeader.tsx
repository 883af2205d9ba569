import type { RoomState } from '@accord/facilitation'
import type { Editor } from 'tldraw'
import type { ShareLinks } from '../api/rooms'
import { ExportMenu } from '../records-export/ExportMenu'
import { ConnectionBadge } from './ConnectionBadge'
import { DisplayNameField } from './DisplayNameField'
import type { StoredMember } from './room-access'
import type { RoomStatus } from './room-status'
import { ShareMenu } from './ShareMenu'

const roleLabels = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  viewer: 'Viewing only',
}

export function BoardHeader(props: {
  roomId: string
  title: string
  status: RoomStatus
  member: StoredMember
  links: ShareLinks | null
  onRenamed: (name: string) => void
  actionsOpen: boolean
  onToggleActions: () => void
  workshopOpen: boolean
  onToggleWorkshop: () => void
  /** For the board's image exports and the printed summary (null until the canvas is up). */
  editor: Editor | null
  state: RoomState
}) {
  const { member } = props
  return (
    <header className="board-header">
      <a className="brand" href="/" aria-label="Accord home">
        Accord
      </a>
      <h1 className="board-header__title" data-testid="board-title">
        {props.title}
      </h1>
      <span className={`role role--${member.role}`} data-testid="role">
        {roleLabels[member.role]}
      </span>
      <ConnectionBadge status={props.status} />
      <div className="board-header__spacer" />
      {member.role !== 'viewer' && (
        <DisplayNameField roomId={props.roomId} member={member} onRenamed={props.onRenamed} />
      )}
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={props.workshopOpen}
        data-testid="workshop-toggle"
        onClick={props.onToggleWorkshop}
      >
        Workshop
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={props.actionsOpen}
        data-testid="actions-toggle"
        onClick={props.onToggleActions}
      >
        Actions
      </button>
      <ExportMenu
        roomId={props.roomId}
        token={member.token}
        title={props.title}
        editor={props.editor}
        state={props.state}
      />
      <ShareMenu roomId={props.roomId} member={member} links={props.links} />
    </header>
  )
}

import type { Locks } from '@accord/facilitation'
import { type Editor, useValue } from 'tldraw'
import type { RoomCommand } from './use-room-command'

/**
 * The facilitator locks the board, or the frames selected on it; everyone sees what is locked.
 */
export function LockControls(props: {
  editor: Editor | null
  locks: Locks
  boardLockedByPhase: boolean
  facilitates: boolean
  send: (command: RoomCommand) => Promise<boolean>
}) {
  const { editor, locks, facilitates, send } = props
  const selectedFrames = useValue(
    'selected frames',
    () =>
      editor
        ?.getSelectedShapes()
        .filter((shape) => shape.type === 'frame')
        .map((shape) => shape.id) ?? [],
    [editor],
  )
  const allSelectedLocked =
    selectedFrames.length > 0 && selectedFrames.every((id) => locks.frames.includes(id))

  if (!facilitates) {
    const status =
      locks.board || props.boardLockedByPhase
        ? 'Board locked'
        : locks.frames.length > 0
          ? `${locks.frames.length} locked frame${locks.frames.length > 1 ? 's' : ''}`
          : null
    return status ? (
      <span className="lock-status" data-testid="lock-status">
        <LockIcon /> {status}
      </span>
    ) : null
  }
  return (
    <span className="lock-controls">
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={locks.board}
        data-testid="lock-board"
        onClick={() => void send({ type: 'lock.set', target: 'board', locked: !locks.board })}
      >
        <LockIcon /> {locks.board ? 'Unlock board' : 'Lock board'}
      </button>
      {selectedFrames.length > 0 && (
        <button
          type="button"
          className="button button--quiet"
          data-testid="lock-frames"
          onClick={() =>
            void send({
              type: 'lock.set',
              target: 'frames',
              frameIds: selectedFrames,
              locked: !allSelectedLocked,
            })
          }
        >
          <LockIcon /> {allSelectedLocked ? 'Unlock' : 'Lock'}{' '}
          {selectedFrames.length > 1 ? 'frames' : 'frame'}
        </button>
      )}
    </span>
  )
}

export function LockIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  )
}

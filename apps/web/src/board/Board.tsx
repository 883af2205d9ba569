import { can, participantLocks } from '@accord/facilitation'
import { useEffect, useMemo, useState } from 'react'
import type { Editor } from 'tldraw'
import type { RoomView } from '../api/rooms'
import { ActionItemDialog } from '../facilitation/ActionItemDialog'
import { ActionItemsPanel } from '../facilitation/ActionItemsPanel'
import { DecisionMarksContext } from '../facilitation/decision-marks-context'
import { phaseFocus } from '../facilitation/board-focus'
import { PhaseBar } from '../facilitation/PhaseBar'
import { useRoomCommand } from '../facilitation/use-room-command'
import { useBoardFocus } from '../facilitation/use-board-focus'
import { useLockMirror } from '../facilitation/use-lock-mirror'
import { useMyBallot } from '../facilitation/use-my-ballot'
import { useRoomState } from '../facilitation/use-room-state'
import { useSummon } from '../facilitation/use-summon'
import { findRecentBoard, rememberBoard } from '../home/recent-boards'
import { useRoomDecisions } from '../records-export/use-room-decisions'
import { BoardCanvas } from './BoardCanvas'
import { BoardHeader } from './BoardHeader'
import { useFocusParam } from './focus-param'
import { FocusParamHighlight } from './FocusParamHighlight'
import { RefusedPage } from './RefusedPage'
import type { StoredMember } from './room-access'
import { useBoardSession } from './use-board-session'
import { useMemberNames } from './use-member-names'
import { WorkshopPanel } from '../workshop/WorkshopPanel'

/** An open board: header and canvas, for one member. */
export function Board(props: {
  roomId: string
  member: StoredMember
  /** What the server said about the room; null when it could not be reached (offline). */
  room: RoomView | null
  onRevoked: () => void
}) {
  const { roomId, member, room, onRevoked } = props
  const { session, snapshot } = useBoardSession(roomId, member)
  useMemberNames(session, roomId, member.token)
  const roomState = useRoomState(session.doc)
  const command = useRoomCommand(roomId, member.token)
  const [editor, setEditor] = useState<Editor | null>(null)
  const locks = participantLocks(roomState)
  useLockMirror(editor, session.editMode, member.role, locks)
  useSummon(editor, roomState.summon, `user:${member.id}`)
  useBoardFocus(editor, roomState)
  // After the room's own camera moves: a `?focus=` link has the last word when the board opens.
  const linkedShape = useFocusParam(editor)
  const focus = phaseFocus(roomState.plan)
  const canVote = can(member.role, 'vote.cast')
  const canEdit =
    can(member.role, 'board.edit') && (can(member.role, 'room.facilitate') || !locks.board)
  const [actionFor, setActionFor] = useState<string | null>(null)
  const [showActions, setShowActions] = useState(false)
  // A template's structured state is open from the start; a blank board keeps the canvas clear.
  const [showWorkshop, setShowWorkshop] = useState<boolean | null>(null)
  const workshopOpen = showWorkshop ?? (roomState.workshop?.template ?? 'blank') !== 'blank'
  const facilitates = can(member.role, 'room.facilitate')
  const myBallot = useMyBallot(roomId, member.token, roomState.vote)
  const decisions = useRoomDecisions(roomId, member.token, roomState.workshop?.closedAt ?? null)
  const overlay = useMemo(
    () => ({
      locks: roomState.locks,
      vote: roomState.vote,
      ballot: myBallot.ballot,
      canVote: canVote && roomState.vote?.status === 'open',
      cast: (itemId: string, delta: 1 | -1) => void myBallot.cast(itemId, delta),
      canEdit,
      editAction: setActionFor,
      spotlight: roomState.spotlight,
      focus,
    }),
    [roomState.locks, roomState.vote, myBallot, canVote, canEdit, roomState.spotlight, focus],
  )
  const title = room?.title ?? findRecentBoard(localStorage, roomId)?.title ?? ''

  useEffect(() => {
    document.title = `${title || 'Board'} · Accord`
    if (room) {
      rememberBoard(localStorage, {
        id: roomId,
        title: room.title,
        visitedAt: new Date().toISOString(),
      })
    }
  }, [roomId, room, title])

  useEffect(() => {
    if (snapshot.status.revoked) onRevoked()
  }, [snapshot.status.revoked, onRevoked])

  if (snapshot.status.notFound) return <RefusedPage reason="not-found" />
  if (snapshot.status.incompatible) return <RefusedPage reason="incompatible" />
  return (
    <div className="board-page">
      <BoardHeader
        roomId={roomId}
        title={title}
        status={snapshot.status}
        member={member}
        links={room?.links ?? null}
        onRenamed={(name) => session.renamed(name)}
        actionsOpen={showActions}
        onToggleActions={() => {
          setShowActions(!showActions)
          if (!showActions) setShowWorkshop(false)
        }}
        workshopOpen={workshopOpen}
        onToggleWorkshop={() => {
          setShowWorkshop(!workshopOpen)
          if (!workshopOpen) setShowActions(false)
        }}
        editor={editor}
        state={roomState}
      />
      <PhaseBar
        state={roomState}
        facilitates={facilitates}
        send={command.send}
        error={command.error ?? myBallot.error ?? snapshot.status.refusal}
        editor={editor}
        canVote={canVote}
        dotsLeft={myBallot.dotsLeft}
        roomId={roomId}
        token={member.token}
        canWrite={can(member.role, 'board.edit')}
        workshopOpen={workshopOpen && !showActions}
      />
      {editor && workshopOpen && !showActions && (
        <WorkshopPanel
          editor={editor}
          state={roomState}
          title={title}
          roomId={roomId}
          member={member}
          facilitates={facilitates}
          send={command.send}
          onClose={() => setShowWorkshop(false)}
        />
      )}
      {editor && showActions && (
        <ActionItemsPanel editor={editor} onClose={() => setShowActions(false)} />
      )}
      {editor && actionFor && (
        <ActionItemDialog
          editor={editor}
          shapeId={actionFor}
          roomId={roomId}
          token={member.token}
          onClose={() => setActionFor(null)}
        />
      )}
      <DecisionMarksContext.Provider value={decisions}>
        <BoardCanvas
          session={session}
          store={snapshot.store}
          overlay={overlay}
          onEditor={setEditor}
        />
      </DecisionMarksContext.Provider>
      {editor && <FocusParamHighlight editor={editor} shapeId={linkedShape} />}
    </div>
  )
}

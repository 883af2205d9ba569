import { Board } from './Board'
import { JoinPage } from './JoinPage'
import { RefusedPage } from './RefusedPage'
import { useRoomEntry } from './use-room-entry'

/** `/b/:roomId`: enter the board (joining if needed), or explain why it cannot open. */
export function BoardPage({ roomId }: { roomId: string }) {
  const { state, join, revoked } = useRoomEntry(roomId)
  switch (state.kind) {
    case 'checking':
      return (
        <main className="centered-page" aria-busy="true">
          <p>Opening board…</p>
        </main>
      )
    case 'refused':
      return <RefusedPage reason={state.reason} />
    case 'join':
      return <JoinPage title={state.title} role={state.role} onJoin={join} />
    case 'ready':
      return (
        <Board
          key={state.member.token}
          roomId={roomId}
          member={state.member}
          room={state.room}
          onRevoked={revoked}
        />
      )
  }
}

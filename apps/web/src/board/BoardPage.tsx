import { useEffect } from 'react'
import { NotFoundPage } from '../app/NotFoundPage'
import { BoardCanvas } from './BoardCanvas'
import { BoardHeader } from './BoardHeader'
import { ensureDisplayName } from './current-user'
import { useBoardSession } from './use-board-session'
import { useRoomInfo } from './use-room-info'

export function BoardPage({ roomId }: { roomId: string }) {
  const { session, snapshot } = useBoardSession(roomId)
  const status = snapshot.status
  const info = useRoomInfo(roomId)
  useEffect(ensureDisplayName, [])

  useEffect(() => {
    const title = 'title' in info && info.title ? info.title : 'Board'
    document.title = `${title} · Accord`
  }, [info])

  if (info.state === 'not-found' || status.notFound) {
    return <NotFoundPage message="This board does not exist, or its link is incomplete." />
  }
  const title = 'title' in info && info.title ? info.title : ''
  return (
    <div className="board-page">
      <BoardHeader roomId={roomId} title={title} status={status} />
      <BoardCanvas session={session} store={snapshot.store} />
    </div>
  )
}

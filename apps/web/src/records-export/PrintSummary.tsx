import type { RoomState } from '@accord/facilitation'
import { boardDecision, workshopSummary } from '@accord/records'
import { useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Editor } from 'tldraw'
import { fetchMembers, type RoomMember } from '../api/workshop'
import { roomTemplate, useLiveResult } from '../workshop/use-live-result'
import { PrintDocumentView } from './PrintDocumentView'
import { useRoomDecisions } from './use-room-decisions'

const nobody: readonly RoomMember[] = []

/**
 * "Print summary": the workshop's summary as it stands, as a clean document over the board, and
 * the browser's print dialog. The print stylesheet (`@media print` in records-export.css) prints only
 * this document while it is open: no canvas, toolbars or panels.
 */
export function PrintSummary(props: {
  editor: Editor
  state: RoomState
  title: string
  roomId: string
  token: string
  onClose: () => void
}) {
  const { roomId, token, onClose } = props
  const members = useMembersOnce(roomId, token)
  const decisions = useRoomDecisions(roomId, token)
  const result = useLiveResult(props.editor, props.state, members ?? nobody, props.title)
  const closedAt = props.state.workshop?.closedAt ?? null
  const template = roomTemplate(props.state).id
  // The record this board decided, as it stands now: superseded since, it says so.
  const decision = boardDecision(decisions)
  const [printedAt] = useState(() => new Date())
  const document = useMemo(
    () =>
      workshopSummary(result, {
        roomId,
        title: props.title,
        template,
        closedAt,
        decision: decision
          ? { id: decision.id, status: decision.status, supersededBy: decision.supersededBy }
          : null,
        // A printed page (or its PDF) is read away from Accord: its board link is a full address.
        origin: window.location.origin,
      }),
    [result, roomId, props.title, template, closedAt, decision],
  )
  const ready = members !== null

  // The dialog opens once the people are known (the summary lists them), after a paint.
  useEffect(() => {
    if (!ready) return
    const timer = setTimeout(() => window.print(), 50)
    return () => clearTimeout(timer)
  }, [ready])

  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', close)
    return () => window.removeEventListener('keydown', close)
  }, [onClose])

  return createPortal(
    <div
      className="print-view"
      role="dialog"
      aria-modal="true"
      aria-label="Workshop summary to print"
      data-testid="print-view"
    >
      <div className="print-view__toolbar">
        <span className="print-view__hint">
          {ready ? 'Print preview: save as PDF from the print dialog.' : 'Preparing the summary…'}
        </span>
        <button
          type="button"
          className="button button--primary"
          data-testid="print-again"
          disabled={!ready}
          onClick={() => window.print()}
        >
          Print
        </button>
        <button type="button" className="button" data-testid="print-close" onClick={onClose}>
          Back to the board
        </button>
      </div>
      <PrintDocumentView document={document} printedAt={printedAt} />
    </div>,
    window.document.body,
  )
}

/** The people in the room, loaded once (null until then; empty if they cannot be loaded). */
function useMembersOnce(roomId: string, token: string): readonly RoomMember[] | null {
  const [members, setMembers] = useState<readonly RoomMember[] | null>(null)
  useEffect(() => {
    let stopped = false
    void fetchMembers(roomId, token).then((result) => {
      if (!stopped) setMembers(result.ok ? result.value : [])
    })
    return () => {
      stopped = true
    }
  }, [roomId, token])
  return members
}

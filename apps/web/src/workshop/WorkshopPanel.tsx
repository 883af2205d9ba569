import { useState } from 'react'
import type { RoomState } from '@accord/facilitation'
import { takesFreeDecisions } from '@accord/records'
import type { Editor } from 'tldraw'
import type { RoomCommand } from '../facilitation/use-room-command'
import type { StoredMember } from '../board/room-access'
import { ExportMenu } from '../records-export/ExportMenu'
import { refreshRoomDecisions, useRoomDecisions } from '../records-export/use-room-decisions'
import { TemplatePanel } from './template-panel'
import { roomTemplate, useLiveResult } from './use-live-result'
import { useMembers } from './use-members'
import { WorkshopRecords } from './WorkshopRecords'
import { SidePanel } from '../app/SidePanel'

/**
 * The workshop's structured state beside the board — themes with votes, risks with scores and
 * owners, stances, commitments — with the controls of the method, and closing the workshop.
 */
export function WorkshopPanel(props: {
  editor: Editor
  state: RoomState
  title: string
  roomId: string
  member: StoredMember
  facilitates: boolean
  send: (command: RoomCommand) => Promise<boolean>
  onClose: () => void
}) {
  const { state, member } = props
  const members = useMembers(props.roomId, member.token)
  const template = roomTemplate(state)
  const result = useLiveResult(props.editor, state, members, props.title)
  const closedAt = state.workshop?.closedAt ?? null
  const [closing, setClosing] = useState(false)
  const decisions = useRoomDecisions(props.roomId, member.token)
  const actions = result.actions.length

  async function closeWorkshop() {
    setClosing(true)
    // Closing saves the records too: the decision's id and the action items appear below.
    if (await props.send({ type: 'workshop.close' })) await refreshRoomDecisions(props.roomId)
    setClosing(false)
  }

  return (
    <SidePanel
      title={template.name}
      label={`${template.name}: workshop`}
      closeLabel="Close the workshop panel"
      onClose={props.onClose}
      className="workshop-panel"
      testId="workshop-panel"
    >
      {closedAt !== null && (
        <p className="workshop-closed" data-testid="workshop-closed" role="status">
          Closed {new Date(closedAt).toLocaleString()} — the result is stored.
        </p>
      )}
      <TemplatePanel
        template={template}
        state={state}
        result={result}
        self={{ id: member.id, name: member.name, role: member.role }}
        members={members}
        facilitates={props.facilitates}
        send={props.send}
        roomId={props.roomId}
        token={member.token}
        editor={props.editor}
      />
      <WorkshopRecords
        roomId={props.roomId}
        token={member.token}
        facilitates={props.facilitates}
        closedAt={closedAt}
        decisions={decisions}
        actionCount={actions}
        freeDecisions={takesFreeDecisions(result)}
        editor={props.editor}
        members={members}
      />
      <footer className="workshop-panel__footer">
        <ExportMenu
          roomId={props.roomId}
          token={member.token}
          title={props.title}
          editor={props.editor}
          state={state}
          inline
          testId="workshop-export"
        />
        {props.facilitates && (
          <button
            type="button"
            className="button"
            data-testid="workshop-close"
            disabled={closing}
            onClick={() => void closeWorkshop()}
          >
            {closedAt === null ? 'Close workshop' : 'Store the result again'}
          </button>
        )}
      </footer>
    </SidePanel>
  )
}

import { readAction } from '@accord/facilitation'
import { type FormEvent, useEffect, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { fetchMembers, type RoomMember } from '../api/room-reads'

/** Makes a note an action item: one owner (a person in the room) and an optional due date. */
export function ActionItemDialog(props: {
  editor: Editor
  shapeId: string
  roomId: string
  token: string
  onClose: () => void
}) {
  const { editor } = props
  const shape = editor.getShape(props.shapeId as TLShapeId)
  const current = shape ? readAction(shape.meta) : null
  const [members, setMembers] = useState<RoomMember[]>([])
  const [ownerId, setOwnerId] = useState(current?.ownerId ?? '')
  const [due, setDue] = useState(current?.due ?? '')

  useEffect(() => {
    void fetchMembers(props.roomId, props.token).then((loaded) => {
      if (loaded.ok) setMembers(loaded.value)
    })
  }, [props.roomId, props.token])

  function save(action: { ownerId: string; ownerName: string; due: string | null } | null) {
    if (!shape) return props.onClose()
    const { action: old, ...meta } = shape.meta
    // Its follow-up (id, status), written by the server, stays with it.
    const kept = typeof old === 'object' && old !== null && !Array.isArray(old) ? old : {}
    editor.updateShape({
      id: shape.id,
      type: shape.type,
      meta: action ? { ...meta, action: { ...kept, ...action } } : meta,
    })
    props.onClose()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const owner = members.find((member) => member.id === ownerId)
    if (owner) save({ ownerId: owner.id, ownerName: owner.name, due: due || null })
  }

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={props.onClose}>
      <form
        className="dialog"
        role="dialog"
        aria-label="Action item"
        data-testid="action-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onSubmit={submit}
      >
        <h2>Action item</h2>
        <label className="field">
          Owner
          <select
            data-testid="action-owner"
            value={ownerId}
            required
            onChange={(event) => setOwnerId(event.target.value)}
          >
            <option value="" disabled>
              Choose a person…
            </option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Due date (optional)
          <input
            type="date"
            data-testid="action-due"
            value={due}
            onChange={(event) => setDue(event.target.value)}
          />
        </label>
        <div className="dialog__actions">
          {current && (
            <button type="button" className="button button--quiet" onClick={() => save(null)}>
              No longer an action
            </button>
          )}
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="action-save">
            Save
          </button>
        </div>
      </form>
    </div>
  )
}

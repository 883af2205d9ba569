import { ACTION_TEXT_MAX } from '@accord/api'
import { plainText, readAction } from '@accord/facilitation'
import { type FormEvent, useEffect, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { fetchMembers, type RoomMember } from '../api/room-reads'
import { sendCommand } from '../api/rooms'

/** The owner choice for someone outside the room. */
const SOMEONE_ELSE = 'external'

/**
 * Makes a note an action item, or changes one (fac:AI5): what to do (prefilled from the note),
 * one owner — a person in the room, or someone else by name — and an optional due date. The
 * server stores it and writes it onto the note; what it refuses is said here.
 */
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
  const noteText = shape ? plainText((shape.props as { richText?: unknown }).richText) : ''
  const [members, setMembers] = useState<RoomMember[]>([])
  const [text, setText] = useState(current?.text ?? noteText)
  const [ownerId, setOwnerId] = useState(current?.ownerId ?? '')
  const [externalOwner, setExternalOwner] = useState(
    current?.ownerId === SOMEONE_ELSE ? current.ownerName : '',
  )
  const [due, setDue] = useState(current?.due ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const people = members.filter((member) => member.role !== 'viewer')

  useEffect(() => {
    void fetchMembers(props.roomId, props.token).then((loaded) => {
      if (loaded.ok) setMembers(loaded.value)
    })
  }, [props.roomId, props.token])

  async function send(command: Parameters<typeof sendCommand>[2]) {
    setBusy(true)
    const sent = await sendCommand(props.roomId, props.token, command)
    setBusy(false)
    if (!sent.ok) return setError(sent.message)
    props.onClose()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!shape) return props.onClose()
    const external = ownerId === SOMEONE_ELSE
    void send({
      type: 'action.set',
      noteId: shape.id,
      text: text.trim(),
      ownerId: external ? null : ownerId,
      externalOwner: external ? externalOwner.trim() : null,
      due: due || null,
    })
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
        <h2>Action item{current?.id ? ` ${current.id}` : ''}</h2>
        <label className="field">
          What to do
          <textarea
            data-testid="action-text"
            value={text}
            maxLength={ACTION_TEXT_MAX}
            rows={2}
            required
            onChange={(event) => setText(event.target.value)}
          />
        </label>
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
            {people.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
            <option value={SOMEONE_ELSE}>Someone outside this room…</option>
          </select>
        </label>
        {ownerId === SOMEONE_ELSE && (
          <label className="field">
            Their name
            <input
              data-testid="action-external-owner"
              value={externalOwner}
              maxLength={40}
              required
              onChange={(event) => setExternalOwner(event.target.value)}
            />
          </label>
        )}
        <label className="field">
          Due date (optional)
          <input
            type="date"
            data-testid="action-due"
            value={due}
            onChange={(event) => setDue(event.target.value)}
          />
        </label>
        {error && (
          <p className="dialog__error" role="alert" data-testid="action-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          {current && shape && (
            <button
              type="button"
              className="button button--quiet"
              data-testid="action-clear"
              disabled={busy}
              onClick={() => void send({ type: 'action.clear', noteId: shape.id })}
            >
              No longer an action
            </button>
          )}
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid="action-save"
            disabled={busy}
          >
            Save
          </button>
        </div>
      </form>
    </div>
  )
}

import { VOTE_LIMITS } from '@accord/facilitation'
import { type FormEvent, useState } from 'react'
import type { Editor } from 'tldraw'
import type { RoomCommand } from './use-room-command'
import { voteItemsFrom } from './vote-items'

/** The facilitator sets up a dot vote over the selected notes and groups (or all of them). */
export function VoteSetupDialog(props: {
  editor: Editor
  send: (command: RoomCommand) => Promise<boolean>
  onClose: () => void
}) {
  const [items] = useState(() => voteItemsFrom(props.editor))
  const [dots, setDots] = useState(3)
  const [several, setSeveral] = useState(true)
  const selectedOnly = props.editor.getSelectedShapeIds().length > 0

  async function open(event: FormEvent) {
    event.preventDefault()
    const sent = await props.send({
      type: 'vote.open',
      items,
      dotsPerPerson: dots,
      maxPerItem: several ? dots : 1,
    })
    if (sent) props.onClose()
  }

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={props.onClose}>
      <form
        className="dialog"
        role="dialog"
        aria-label="Start a dot vote"
        data-testid="vote-setup"
        onMouseDown={(event) => event.stopPropagation()}
        onSubmit={(event) => void open(event)}
      >
        <h2>Dot vote</h2>
        <p>
          {items.length === 0
            ? 'There are no notes or groups to vote on yet.'
            : `${items.length} ${items.length === 1 ? 'item' : 'items'} — ${selectedOnly ? 'the selected notes and groups' : 'every note and group on the page'}. Select some first to vote on fewer.`}
        </p>
        <label className="field">
          Dots per person
          <input
            type="number"
            data-testid="vote-dots-per-person"
            min={1}
            max={VOTE_LIMITS.dotsPerPerson}
            value={dots}
            onChange={(event) =>
              setDots(
                Math.max(1, Math.min(VOTE_LIMITS.dotsPerPerson, Number(event.target.value) || 1)),
              )
            }
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={several}
            onChange={(event) => setSeveral(event.target.checked)}
          />
          Allow several dots on one item
        </label>
        <p className="form-hint">Tallies stay hidden until you close the vote.</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid="vote-open"
            disabled={items.length === 0}
          >
            Start vote
          </button>
        </div>
      </form>
    </div>
  )
}

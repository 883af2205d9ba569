import { VOTE_LIMITS } from '@accord/facilitation'
import { type FormEvent, useState } from 'react'
import type { Editor } from 'tldraw'
import type { RoomCommand } from './use-room-command'
import { type VoteScope, voteChoicesFrom } from './vote-items'

const scopeLabels: Record<VoteScope, string> = {
  selected: 'The selected notes and groups',
  themes: 'The themes',
  all: 'Every note and group',
}

/**
 * The facilitator sets up a dot vote: over the selected notes and groups, the board's themes, or
 * everything; with the dots per person the workshop's options suggest.
 */
export function VoteSetupDialog(props: {
  editor: Editor
  /** Dots per person to offer (the workshop's `dots` option), if the workshop sets them. */
  defaultDots: number | null
  send: (command: RoomCommand) => Promise<boolean>
  onClose: () => void
}) {
  const [choices] = useState(() => voteChoicesFrom(props.editor))
  const [scope, setScope] = useState<VoteScope>(choices[0]?.scope ?? 'all')
  const items = choices.find((choice) => choice.scope === scope)?.items ?? []
  const [dots, setDots] = useState(props.defaultDots ?? 3)
  const [several, setSeveral] = useState(true)

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
        {choices.length > 1 ? (
          <fieldset className="vote-scope">
            <legend>Vote on</legend>
            {choices.map((choice) => (
              <label key={choice.scope} className="checkbox">
                <input
                  type="radio"
                  name="vote-scope"
                  data-testid={`vote-scope-${choice.scope}`}
                  checked={scope === choice.scope}
                  onChange={() => setScope(choice.scope)}
                />
                {scopeLabels[choice.scope]} ({choice.items.length})
              </label>
            ))}
          </fieldset>
        ) : (
          <p>
            {items.length === 0
              ? 'There are no notes or groups to vote on yet.'
              : `${items.length} ${items.length === 1 ? 'item' : 'items'} — ${scopeLabels[scope].toLowerCase()} on the page. Select some first to vote on fewer.`}
          </p>
        )}
        {items.length > 0 && (
          <p className="form-hint vote-scope__items" data-testid="vote-items">
            {items.map((item) => item.label).join(' · ')}
          </p>
        )}
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

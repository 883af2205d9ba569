import { useState } from 'react'
import { usePrivateNotes } from '../../facilitation/use-private-notes'
import { PhaseSection } from '../panel-parts'
import type { TemplatePanelProps } from '../panel-props'
import { turnsView } from './pre-mortem-view'

/**
 * The round-robin share: whose turn it is and the order, one's own reasons to share on one's
 * turn, and starting a round or skipping a turn (or, in an anonymous room, revealing all at once).
 */
export function RoundRobin(
  props: TemplatePanelProps & {
    startRound: boolean
    skipTurn: boolean
    myTurn: boolean
    revealAllInstead: boolean
    firstMemberId: string | null
    active: boolean
  },
) {
  const { send } = props
  const turns = turnsView(props.state.turns, props.self.id)
  const { notes, run } = usePrivateNotes(props.roomId, props.token, props.myTurn)
  const unshared = notes.filter((note) => !note.revealed)
  const [busy, setBusy] = useState(false)

  async function share(noteId: string) {
    setBusy(true)
    await run(send, { type: 'notes.reveal', scope: 'turn', noteId })
    setBusy(false)
  }

  return (
    <PhaseSection
      className="premortem-section"
      title="Round-robin"
      active={props.active}
      testId="premortem-turns"
    >
      {props.revealAllInstead ? (
        <p className="premortem-hint" data-testid="premortem-anonymous-share">
          This room is anonymous: taking turns would show whose reason is whose, so{' '}
          {props.facilitates
            ? 'reveal every reason at once with “Reveal all” in your private notes panel.'
            : 'the facilitator reveals every reason at once.'}
        </p>
      ) : (
        <p className="premortem-turn-status" role="status" data-testid="premortem-turn-status">
          {turns.status}
        </p>
      )}
      {turns.started && (
        <p className="form-hint" data-testid="premortem-shared">
          {turns.shared} {turns.shared === 1 ? 'reason' : 'reasons'} shared
          {turns.done ? ' — done.' : ' so far.'}
        </p>
      )}
      {turns.rows.length > 0 && (
        <ol className="premortem-order" aria-label="Turn order" data-testid="premortem-order">
          {turns.rows.map((row) => (
            <li
              key={row.memberId}
              className={row.current ? 'premortem-order__current' : undefined}
              aria-current={row.current ? 'step' : undefined}
              data-testid="premortem-order-person"
            >
              {row.name}
              {row.self ? ' (you)' : ''}
              {row.current ? ' — sharing now' : ''}
            </li>
          ))}
        </ol>
      )}
      {props.myTurn && (
        <div className="premortem-mine" data-testid="premortem-my-notes">
          <p>
            <strong>Your turn.</strong> Pick one of your reasons to share:
          </p>
          {unshared.length === 0 ? (
            <p className="form-hint">Loading your notes…</p>
          ) : (
            <ul className="premortem-notes">
              {unshared.map((note) => (
                <li key={note.id} data-testid="premortem-my-note">
                  <span className="premortem-notes__text">{note.text}</span>
                  <button
                    type="button"
                    className="button button--primary"
                    data-testid="premortem-share"
                    disabled={busy}
                    onClick={() => void share(note.id)}
                  >
                    Share this one
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="premortem-form__actions">
        {props.startRound && (
          <button
            type="button"
            className={turns.started ? 'button' : 'button button--primary'}
            data-testid="premortem-turns-start"
            onClick={() => void send({ type: 'turns.start', firstMemberId: props.firstMemberId })}
          >
            {turns.started ? 'Start another round' : 'Start the round'}
          </button>
        )}
        {props.skipTurn && (
          <button
            type="button"
            className="button"
            data-testid="premortem-turns-skip"
            onClick={() => void send({ type: 'turns.skip' })}
          >
            Skip this turn
          </button>
        )}
      </div>
    </PhaseSection>
  )
}

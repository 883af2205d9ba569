import { currentPhase, type RoomState } from '@accord/facilitation'
import { useState } from 'react'
import type { Editor } from 'tldraw'
import type { RoomCommand } from './use-room-command'
import { dotsOption } from './vote-items'
import { VoteResults } from './VoteResults'
import { VoteSetupDialog } from './VoteSetupDialog'

/** The vote in the phase bar: start it, see the dots left, close it, read its results. */
export function VoteControls(props: {
  state: RoomState
  editor: Editor | null
  facilitates: boolean
  canVote: boolean
  dotsLeft: number
  send: (command: RoomCommand) => Promise<boolean>
  /** The workshop panel is open and ranks the results itself: they do not pop up over it. */
  workshopOpen: boolean
}) {
  const { state, editor, facilitates, send } = props
  const { vote } = state
  const [setup, setSetup] = useState(false)
  // Shown when a vote closes (unless the workshop panel shows them); each vote remembers a toggle.
  const [toggled, setToggled] = useState<{ voteId: string; open: boolean } | null>(null)
  const results = vote && toggled?.voteId === vote.id ? toggled.open : !props.workshopOpen
  const setResults = (open: boolean) => {
    if (vote) setToggled({ voteId: vote.id, open })
  }
  const votingPhase = currentPhase(state.plan).rules.voting

  return (
    <span className="vote-controls">
      {vote?.status === 'open' && (
        <span className="vote-status" data-testid="vote-status">
          Dot vote
          {props.canVote ? ` · ${props.dotsLeft} of ${vote.dotsPerPerson} dots left` : ' open'}
        </span>
      )}
      {facilitates && vote?.status === 'open' && (
        <button
          type="button"
          className="button"
          data-testid="vote-close"
          onClick={() => void send({ type: 'vote.close' })}
        >
          Close vote
        </button>
      )}
      {facilitates && votingPhase && vote?.status !== 'open' && editor && (
        <button
          type="button"
          className="button"
          data-testid="vote-start"
          onClick={() => setSetup(true)}
        >
          Start vote
        </button>
      )}
      {vote?.status === 'closed' && (
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={results}
          data-testid="vote-results-toggle"
          onClick={() => setResults(!results)}
        >
          Results
        </button>
      )}
      {setup && editor && (
        <VoteSetupDialog
          editor={editor}
          defaultDots={dotsOption(state.workshop?.options)}
          send={send}
          onClose={() => setSetup(false)}
        />
      )}
      {vote?.status === 'closed' && results && (
        <VoteResults key={vote.id} vote={vote} editor={editor} onClose={() => setResults(false)} />
      )}
    </span>
  )
}

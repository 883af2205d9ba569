import { currentPhase, describeRules, type RoomState } from '@accord/facilitation'
import { useState } from 'react'
import type { Editor } from 'tldraw'
import { LockControls } from './LockControls'
import { PhaseEditor } from './PhaseEditor'
import { PrivateNotesPanel } from './PrivateNotesPanel'
import { suggestedMinutes } from './phase-inputs'
import { TimerDisplay } from './TimerDisplay'
import { VoteControls } from './VoteControls'
import { useBoardRegions } from './use-board-regions'
import type { RoomCommand } from './use-room-command'

/** The current phase and its instructions, and the timer, for everyone; controls for the facilitator. */
export function PhaseBar(props: {
  state: RoomState
  facilitates: boolean
  send: (command: RoomCommand) => Promise<boolean>
  error: string | null
  editor: Editor | null
  canVote: boolean
  dotsLeft: number
  roomId: string
  token: string
  canWrite: boolean
  /** The workshop side panel is open (the vote's results are ranked there). */
  workshopOpen: boolean
}) {
  const { state, facilitates, send } = props
  const { plan } = state
  const phase = currentPhase(plan)
  const [editing, setEditing] = useState(false)
  const regions = useBoardRegions(props.editor)
  const go = (index: number) => void send({ type: 'phase.set', index })

  return (
    <section className="phase-bar" aria-label="Workshop phase" data-testid="phase-bar">
      {facilitates && (
        <button
          type="button"
          className="button button--quiet"
          aria-label="Previous phase"
          disabled={plan.currentIndex === 0}
          onClick={() => go(plan.currentIndex - 1)}
        >
          ‹
        </button>
      )}
      <div className="phase-bar__phase">
        <span className="phase-bar__step">
          {plan.phases.length > 1
            ? `Phase ${plan.currentIndex + 1} of ${plan.phases.length}`
            : 'Phase'}
        </span>
        <strong data-testid="phase-name">{phase.name}</strong>
        <span className="phase-bar__allows" data-testid="phase-allows">
          {describeRules(phase.rules).join(' · ')}
        </span>
        <span
          className="phase-bar__instructions"
          data-testid="phase-instructions"
          title={phase.instructions}
        >
          {phase.instructions}
        </span>
      </div>
      {facilitates && (
        <>
          <button
            type="button"
            className="button button--quiet"
            aria-label="Next phase"
            data-testid="phase-next"
            disabled={plan.currentIndex >= plan.phases.length - 1}
            onClick={() => go(plan.currentIndex + 1)}
          >
            ›
          </button>
          <button
            type="button"
            className="button button--quiet"
            data-testid="phases-edit"
            onClick={() => setEditing(true)}
          >
            Edit phases
          </button>
        </>
      )}
      <div className="phase-bar__spacer" />
      {facilitates ? (
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={state.settings.anonymous}
          data-testid="anonymous-toggle"
          title="Revealed notes and votes cannot be tied to their authors"
          onClick={() => void send({ type: 'room.settings', anonymous: !state.settings.anonymous })}
        >
          {state.settings.anonymous ? 'Anonymous: on' : 'Anonymous: off'}
        </button>
      ) : (
        state.settings.anonymous && (
          <span className="anonymous-badge" data-testid="anonymous-badge">
            Anonymous
          </span>
        )
      )}
      {facilitates && (
        <button
          type="button"
          className="button button--quiet"
          data-testid="summon"
          title="Move everyone's view to yours"
          onClick={() => void send(summonCommand(props.editor))}
        >
          Bring everyone
        </button>
      )}
      <VoteControls
        state={state}
        editor={props.editor}
        facilitates={facilitates}
        canVote={props.canVote}
        dotsLeft={props.dotsLeft}
        send={send}
        workshopOpen={props.workshopOpen}
      />
      <LockControls
        editor={props.editor}
        locks={state.locks}
        boardLockedByPhase={!phase.rules.boardEditing}
        facilitates={facilitates}
        send={send}
      />
      <TimerDisplay
        timer={state.timer}
        facilitates={facilitates}
        send={send}
        phaseId={phase.id}
        suggestedMinutes={suggestedMinutes(phase)}
      />
      {props.error && (
        <p className="phase-bar__error" role="alert">
          {props.error}
        </p>
      )}
      {(phase.rules.privateWriting || (facilitates && phase.rules.reveal !== 'none')) && (
        <PrivateNotesPanel
          roomId={props.roomId}
          token={props.token}
          state={state}
          editor={props.editor}
          canWrite={props.canWrite && phase.rules.privateWriting}
          facilitates={facilitates}
          send={send}
        />
      )}
      {editing && (
        <PhaseEditor plan={plan} regions={regions} send={send} onClose={() => setEditing(false)} />
      )}
    </section>
  )
}

/** "Bring everyone", with the view this person sees now (their presence may lag behind it). */
function summonCommand(editor: Editor | null): RoomCommand {
  const view = editor?.getViewportPageBounds()
  return view
    ? { type: 'summon', viewport: { x: view.x, y: view.y, w: view.w, h: view.h } }
    : { type: 'summon' }
}

import { type Scale, stanceLabel } from '@accord/templates'
import { PhaseSection } from '../panel-parts'
import { useOwnSubmission } from '../use-own-submission'
import {
  type DecisionViewInput,
  namesList,
  readOwnStance,
  type SectionProps,
} from './decision-view'
import { RevealedStances } from './RevealedStances'
import { StanceForm } from './StanceForm'

/**
 * The stances: who has given one (never which), one's own (seen by nobody else until the reveal),
 * the form to give it, revealing them all, and once revealed the distribution and the dissent.
 */
export function StancesSection(
  props: SectionProps & {
    given: DecisionViewInput['given']
    scale: Scale
    /** The proposal's current wording: a stance given on an earlier one was set aside. */
    round: number
    roomId: string
    token: string
  },
) {
  const { given, view, send } = props
  const people = props.result.participants
  const own = useOwnSubmission(props.roomId, props.token, 'stance', view.showStances)
  const ownStance = readOwnStance(own.value, props.round)

  return (
    <PhaseSection
      className="decision-section"
      title="Stances"
      active={props.active}
      testId="decision-stances"
    >
      {!view.revealed && (
        <p data-testid="stances-given">
          {given.length} of {people.length} {people.length === 1 ? 'has' : 'have'} given a stance
          {given.length > 0 ? `: ${namesList(given.map((g) => g.name))}` : ''}.
        </p>
      )}
      {ownStance && !view.revealed && (
        <p className="decision-mine" data-testid="stance-mine">
          Your stance: <strong>{stanceLabel(ownStance.value)}</strong>
          {ownStance.reason && <> — “{ownStance.reason}”</>}
          <span className="form-hint"> (only you see it until the reveal)</span>
        </p>
      )}
      {view.giveStance && (
        <StanceForm
          scale={props.scale}
          own={ownStance}
          hasGiven={view.hasGiven}
          send={send}
          onGiven={own.reload}
        />
      )}
      {view.revealStances && (
        <button
          type="button"
          className="button button--primary"
          data-testid="stances-reveal"
          disabled={given.length === 0}
          onClick={() => void send({ type: 'stances.reveal' })}
        >
          Reveal stances
        </button>
      )}
      {view.revealed && <RevealedStances result={props.result} scale={props.scale} />}
    </PhaseSection>
  )
}

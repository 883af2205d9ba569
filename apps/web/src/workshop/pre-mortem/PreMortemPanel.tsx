import { currentPhase } from '@accord/facilitation'
import type { PreMortemResult } from '@accord/templates'
import type { TemplatePanelProps } from '../panel-props'
import { useScrollToActive } from '../use-scroll-to-active'
import { BriefSection } from './BriefSection'
import { activeSection, preMortemView, rankingOf, scorersOf } from './pre-mortem-view'
import { RiskRegister } from './RiskRegister'
import { RoundRobin } from './RoundRobin'
import { Scoring } from './Scoring'

/**
 * Pre-mortem: the plan and its owner, the round-robin share (whose turn, the order, one's own
 * notes to share on one's turn), ranking the risks (likelihood × impact scoring, or the dot vote)
 * and the ranked risk register with a mitigation and an owner per risk.
 */
export function PreMortemPanel(props: TemplatePanelProps<PreMortemResult>) {
  const { state, self, facilitates, send, members } = props
  const { result } = props
  const data = state.workshop?.data ?? {}
  const ranking = rankingOf(state.workshop?.options)
  const phaseId = currentPhase(state.plan).id
  const scoresClosed = data.scores !== null && typeof data.scores === 'object'
  const view = preMortemView({
    phaseId,
    self,
    facilitates,
    ranking,
    result,
    turns: state.turns,
    scoresClosed,
    anonymous: state.settings.anonymous,
  })
  const plan = result.plan
  const active = activeSection(phaseId)
  const panel = useScrollToActive<HTMLDivElement>(phaseId)

  return (
    <div className="premortem" data-testid="premortem-panel" ref={panel}>
      <BriefSection
        plan={plan}
        editBrief={view.editBrief}
        members={members}
        send={send}
        active={active === 'brief'}
      />

      {view.showTurns && (
        <RoundRobin
          {...props}
          startRound={view.startRound}
          skipTurn={view.skipTurn}
          myTurn={view.myTurn}
          revealAllInstead={view.revealAllInstead}
          firstMemberId={plan?.ownerId ?? null}
          active={active === 'turns'}
        />
      )}

      {view.clusterNudge !== null && (
        <p className="premortem-nudge" role="status" data-testid="premortem-unclustered">
          {view.clusterNudge} {view.clusterNudge === 1 ? 'reason is' : 'reasons are'} not in a risk
          yet: select reasons that belong together, press Group and name the risk.
        </p>
      )}

      {view.dotsHint && (
        <p className="premortem-hint" data-testid="premortem-dots-hint">
          {state.vote?.status === 'open'
            ? 'The dot vote is open: place your dots on the risks on the board (the phase bar shows how many you have left).'
            : state.vote?.status === 'closed'
              ? 'The dot vote is closed: the register below is ranked by dots.'
              : facilitates
                ? 'Start the dot vote on the risks with “Start vote” in the phase bar.'
                : 'The facilitator starts the dot vote on the risks.'}
        </p>
      )}

      {view.showScoring && (
        <Scoring
          {...props}
          result={result}
          scoreRisks={view.scoreRisks}
          closeScoring={view.closeScoring}
          closed={scoresClosed}
          scorers={scorersOf(data)}
          active={active === 'scoring'}
        />
      )}

      <RiskRegister
        result={result}
        ranking={ranking}
        members={members}
        editor={props.editor}
        mitigate={view.mitigate}
        send={send}
        active={active === 'register'}
      />
    </div>
  )
}

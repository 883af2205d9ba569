/**
 * [rec:LG1] How a disagree-and-commit reached its decision, for the decision's ledger: each
 * change to the workshop says what happened — proposed, reworded, stances opened, a stance given
 * or changed (never which: stances stay hidden until the reveal), revealed, decided, a block
 * acknowledged. Read from the workshop's data before and after the change, so whatever path made
 * the change, the ledger says the same.
 */
import type { WorkshopChange, WorkshopEvent } from '../template.js'
import { readDecisionData } from './result.js'

export function decisionLedger(change: WorkshopChange): WorkshopEvent[] {
  const before = readDecisionData(change.before)
  const after = readDecisionData(change.after)
  const by = change.actor.name
  const events: WorkshopEvent[] = []
  if (after.proposal && !before.proposal) {
    events.push({ kind: 'proposed', by, note: after.proposal.title })
  } else if (
    after.proposal &&
    before.proposal &&
    JSON.stringify(after.proposal) !== JSON.stringify(before.proposal)
  ) {
    const setAside = after.round > before.round ? before.given.length : 0
    events.push({
      kind: 'proposal-changed',
      by,
      note:
        setAside > 0
          ? `${after.proposal.title} (${setAside} stance${setAside === 1 ? '' : 's'} set aside)`
          : after.proposal.title,
    })
  }
  if (change.phaseAfter === 'stances' && change.phaseBefore !== 'stances') {
    events.push({ kind: 'stances-opened', by, note: '' })
  }
  if (change.submitted) {
    const again = before.given.some((given) => given.memberId === change.actor.id)
    events.push({ kind: again ? 'stance-changed' : 'stance-given', by, note: '' })
  }
  if (after.stances && !before.stances) {
    const count = after.stances.length
    events.push({ kind: 'revealed', by, note: `${count} stance${count === 1 ? '' : 's'}` })
  }
  const decision = after.decision
  if (decision && JSON.stringify(decision) !== JSON.stringify(before.decision)) {
    events.push({
      kind: 'decided',
      by: decision.deciderName,
      note: decision.option ? `${decision.outcome}: ${decision.option}` : decision.outcome,
    })
    if (decision.acknowledgment.trim())
      events.push({
        kind: 'block-acknowledged',
        by: decision.deciderName,
        note: decision.acknowledgment.trim(),
      })
  }
  return events
}

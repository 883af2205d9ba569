/**
 * What a disagree-and-commit's board says in its Proposal region (tpl:DC6): the proposal, the
 * options considered, who decides and — once decided — the outcome, written there by the server
 * so the board, and every image of it, shows what was proposed and decided; and, once the
 * decision log has superseded its record, by which record (rec:AG1: the board agrees with the
 * log).
 */
import type { BoardRecord } from '../template.js'
import type { DecisionData } from './result.js'

/** The Proposal region's text; empty before a proposal is written. */
export function proposalBoardText(
  data: Pick<DecisionData, 'proposal' | 'decision'>,
  record: BoardRecord | null = null,
): string {
  const { proposal, decision } = data
  if (!proposal) return ''
  const lines: string[] = [proposal.title]
  if (proposal.context.trim()) lines.push('', proposal.context.trim())
  if (proposal.options.length > 0) {
    lines.push('', 'Options considered:')
    for (const option of proposal.options) {
      const parts = [
        option.pros.trim() && `pros: ${oneLine(option.pros)}`,
        option.cons.trim() && `cons: ${oneLine(option.cons)}`,
      ].filter(Boolean)
      lines.push(`• ${option.title}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`)
    }
  }
  lines.push('', `Decides: ${proposal.deciderName}`)
  if (!decision) {
    lines.push('Not decided yet.')
    if (record) lines.push('', recordLine(record))
    return lines.join('\n')
  }
  const outcome = decision.outcome === 'accepted' ? 'Accepted' : 'Rejected'
  lines.push(
    `${outcome} by ${decision.deciderName}${decision.option ? `: ${decision.option}` : ''}`,
  )
  if (decision.text.trim()) lines.push(decision.text.trim())
  if (decision.rationale.trim()) lines.push(`Why: ${decision.rationale.trim()}`)
  if (decision.acknowledgment.trim())
    lines.push(`Accepted over a block: ${decision.acknowledgment.trim()}`)
  if (record) lines.push('', recordLine(record))
  return lines.join('\n')
}

/** Where the decision log has the workshop's record now: "Decision record: DR-4 (accepted)." */
function recordLine({ id, status, supersededBy }: BoardRecord): string {
  if (status !== 'superseded') return `Decision record: ${id} (${status}).`
  return `Decision record: ${id}, since superseded${supersededBy ? ` by ${supersededBy}` : ''}.`
}

const oneLine = (text: string) => text.trim().replace(/\s*\n\s*/g, ', ')

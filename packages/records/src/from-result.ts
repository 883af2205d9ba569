/**
 * What a workshop's structured result becomes when it is saved: a decision record (from a
 * disagree-and-commit), action items with one owner each (from every method; a pre-mortem's
 * mitigations too), risks, retro themes with their votes, and an empathy map's insights and needs.
 */
import {
  type BlankResult,
  type DecisionResult,
  type PreMortemResult,
  stanceLabel,
  type WorkshopResult,
} from '@accord/templates'
import type {
  ActionDraft,
  DecisionDraft,
  RecordedStance,
  RecordSource,
  WorkshopRecords,
} from './model.js'

export interface WorkshopMeta {
  readonly roomId: string
  readonly title: string
  readonly template: string
  /** When the workshop was closed (or the record made). */
  readonly at: Date
  /** Region key → frame id on the board, to link records back to where they came from. */
  readonly regionFrames: ReadonlyMap<string, string>
}

const day = (at: Date | number) => new Date(at).toISOString().slice(0, 10)

/**
 * [rec:RC3] A pre-mortem's mitigations as the action items they are — "<risk>: <what to do>",
 * owned by the mitigation's owner — for its records and its summary alike.
 */
export function mitigationActions(result: PreMortemResult) {
  return result.risks.flatMap((risk) =>
    risk.mitigation
      ? [
          {
            riskId: risk.id,
            text: `${risk.name}: ${risk.mitigation.text}`,
            ownerName: risk.mitigation.ownerName,
            due: null,
          },
        ]
      : [],
  )
}

/** [rec:RC1] The records a workshop's result leaves. */
export function recordsOf(meta: WorkshopMeta, result: WorkshopResult): WorkshopRecords {
  const source = (shapeIds: readonly string[]): RecordSource => ({
    roomId: meta.roomId,
    workshopTitle: meta.title,
    template: meta.template,
    shapeIds,
  })
  const base = {
    source: source([]),
    decision: null,
    revisits: null,
    actions: [] as ActionDraft[],
    risks: [],
    themes: [],
    insights: [],
    needs: [],
  }
  const boardActions = (actions: BlankResult['actions']): ActionDraft[] =>
    actions.map((action) => ({
      key: action.shapeId,
      source: source([action.shapeId]),
      text: action.text,
      ownerName: action.ownerName,
      due: action.due,
      status: 'open',
    }))

  switch (result.template) {
    case 'disagree-and-commit': {
      const decision = decisionOf(result, meta, source)
      const revisits = result.revisits?.id ?? null
      return { ...base, decision, revisits, actions: boardActions(result.actions) }
    }
    case 'pre-mortem': {
      const mitigations: ActionDraft[] = mitigationActions(result).map((action) => ({
        key: `mitigation:${action.riskId}`,
        source: source([action.riskId]),
        text: action.text,
        ownerName: action.ownerName,
        due: action.due,
        status: 'open' as const,
      }))
      return {
        ...base,
        actions: [...mitigations, ...boardActions(result.actions)],
        risks: result.risks.map((risk) => ({
          name: risk.name,
          reasons: risk.reasons,
          rank: risk.rank,
          score: risk.score,
          likelihood: risk.likelihood,
          impact: risk.impact,
          mitigation: risk.mitigation?.text ?? null,
          ownerName: risk.mitigation?.ownerName ?? null,
          shapeId: risk.id,
        })),
      }
    }
    case 'retro': {
      return {
        ...base,
        actions: boardActions(result.actions),
        themes: result.themes.map((theme) => ({
          name: theme.name,
          notes: theme.notes,
          dots: theme.dots,
          rank: theme.rank,
          discussionNote: theme.discussionNote,
          shapeId: theme.id,
        })),
      }
    }
    case 'empathy-map':
      return {
        ...base,
        actions: boardActions(result.actions),
        insights: result.insights,
        needs: result.needs,
      }
    case 'blank':
      return { ...base, actions: boardActions(result.actions) }
  }
}

function decisionOf(
  result: DecisionResult,
  meta: WorkshopMeta,
  source: (shapeIds: readonly string[]) => RecordSource,
): DecisionDraft | null {
  const { proposal, decision } = result
  if (!proposal) return null
  const stance = (s: DecisionResult['stances'][number]): RecordedStance => ({
    name: s.name,
    stance: stanceLabel(s.value),
    reason: s.reason,
  })
  const people = result.participants.map((person) => person.name)
  const region = meta.regionFrames.get('proposal')
  return {
    title: proposal.title,
    context: proposal.context,
    drivers: proposal.drivers,
    options: proposal.options,
    chosenOption: decision?.option ?? null,
    decision: decision?.text ?? '',
    rationale: decision?.rationale ?? '',
    consequences: decision?.consequences ?? '',
    acknowledgment: decision?.acknowledgment ?? '',
    decisionMakers: [decision?.deciderName ?? proposal.deciderName],
    consulted: people.filter((name) => name !== proposal.deciderName),
    informed: proposal.informed,
    participants: people,
    stances: result.stances.map(stance),
    dissent: result.dissent.map(stance),
    commitments: result.commitments.map((c) => ({
      name: c.name,
      at: new Date(c.at).toISOString(),
    })),
    tags: proposal.tags,
    status: decision ? decision.outcome : 'proposed',
    date: day(decision?.at ?? meta.at),
    source: source(region ? [region] : []),
  }
}

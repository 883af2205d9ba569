/**
 * Pre-mortem (Gary Klein): brief the plan and its owner → "it failed" (silent, independent
 * writing, timed) → round-robin share, plan owner first, one reason per turn → cluster into risks
 * → rank the risks (dots, or likelihood × impact) → a mitigation and one owner for the top risks
 * → close. The output is a ranked risk register.
 */
import { z } from 'zod'
import {
  defineAction,
  done,
  findOwner,
  inPhase,
  memberId,
  refuse,
  shapeId,
  text,
} from '../actions.js'
import { themes } from '../board.js'
import { gridLayout } from '../layout.js'
import { commonFields, option, type OptionField } from '../options.js'
import { carried } from '../result-parts.js'
import { closeStep, step } from '../steps.js'
import type { ActionContext, Template, WorkshopActions } from '../template.js'
import {
  type PreMortemResult,
  preMortemResult,
  preMortemResultSchema,
  readPreMortemData,
} from './result.js'
import { averageScores, isScoreSheet, type ScoreSheet } from './scores.js'

export const defaultFailurePrompt =
  'It is a year from now. The plan was carried out — and it failed spectacularly. Write down every reason why it failed, one per note, especially the ones you would not normally say out loud.'

const fields: readonly OptionField[] = [
  {
    key: 'ranking',
    label: 'Rank risks by',
    kind: 'choice',
    choices: [
      { value: 'dots', label: 'Dot vote' },
      { value: 'scores', label: 'Likelihood × impact' },
    ],
    default: 'dots',
  },
  commonFields.dots(3),
  commonFields.writingMinutes(7),
  {
    key: 'prompt',
    label: 'The facilitator’s prompt',
    kind: 'text',
    maxLength: 600,
    default: defaultFailurePrompt,
  },
  commonFields.anonymous,
]

/** How long a brief and a mitigation may be: the forms say so before the server does. */
export const preMortemLimits = { statement: 2000, mitigation: 1000 } as const

const score = z.number().int().min(1, 'scores are 1 to 5').max(5, 'scores are 1 to 5')

/** A risk is a cluster (a named frame) on the board. */
function isRisk(context: ActionContext, id: string) {
  return themes(context.records).some((risk) => risk.id === id)
}

/** The commands this template adds to its rooms. */
const actions = {
  /** Records the plan under examination and its owner (who shares first). */
  'brief.set': defineAction({
    schema: z.object({
      statement: text(preMortemLimits.statement, { lines: true, required: true }),
      ownerId: memberId,
    }),
    requires: 'room.facilitate',
    action: 'record the plan',
    run(context, { statement, ownerId }) {
      const owner = findOwner(context, ownerId)
      if (!owner) return refuse('the plan owner must be someone in the room')
      return done({
        data: {
          ...context.data,
          plan: { statement, ownerId: owner.id, ownerName: owner.name },
        },
      })
    },
  }),

  /** Hands in the caller's likelihood and impact for the risks (kept secret until closed). */
  'risk.score': defineAction({
    schema: z.object({
      scores: z
        .array(z.object({ riskId: shapeId, likelihood: score, impact: score }))
        .min(1, 'score at least one risk')
        .max(200),
    }),
    requires: 'vote.cast',
    action: 'score risks',
    submissions: 'risk-scores',
    run(context, { scores }) {
      if (option.text(context.options, 'ranking') !== 'scores')
        return refuse('this pre-mortem ranks risks by dots')
      if (!inPhase(context.state, 'rank')) return refuse('risks are scored in the ranking phase')
      const data = readPreMortemData(context.data)
      if (data.scores) return refuse('the scoring is closed')
      const unknown = scores.find((entry) => !isRisk(context, entry.riskId))
      if (unknown) return refuse(`${unknown.riskId} is not a risk on the board`)
      const sheet: ScoreSheet = Object.fromEntries(
        scores.map(({ riskId, likelihood, impact }) => [riskId, { likelihood, impact }]),
      )
      const scorers = data.scorers.includes(context.actor.id)
        ? data.scorers
        : [...data.scorers, context.actor.id]
      return done({ data: { ...context.data, scorers }, submit: sheet })
    },
  }),

  /** Closes the scoring: every risk's mean likelihood and impact become public. */
  'scores.close': defineAction({
    schema: z.object({}),
    requires: 'room.facilitate',
    action: 'close the scoring',
    submissions: 'risk-scores',
    run(context) {
      if (option.text(context.options, 'ranking') !== 'scores')
        return refuse('this pre-mortem ranks risks by dots')
      if (readPreMortemData(context.data).scores) return refuse('the scoring is already closed')
      const sheets = context.submissions.map((s) => s.value).filter(isScoreSheet)
      if (sheets.length === 0) return refuse('nobody has scored yet')
      return done({ data: { ...context.data, scores: averageScores(sheets) } })
    },
  }),

  /** One mitigation and one owner for a risk. */
  'risk.mitigate': defineAction({
    schema: z.object({
      riskId: shapeId,
      mitigation: text(preMortemLimits.mitigation, { lines: true, required: true }),
      ownerId: memberId,
    }),
    requires: 'room.facilitate',
    action: 'record mitigations',
    run(context, { riskId, mitigation, ownerId }) {
      if (!isRisk(context, riskId)) return refuse(`${riskId} is not a risk on the board`)
      const owner = findOwner(context, ownerId)
      if (!owner) return refuse('the owner must be someone in the room')
      const { mitigations } = readPreMortemData(context.data)
      return done({
        data: {
          ...context.data,
          mitigations: {
            ...mitigations,
            [riskId]: { text: mitigation, ownerId: owner.id, ownerName: owner.name },
          },
        },
      })
    },
  }),
} satisfies WorkshopActions

export const preMortem: Template<PreMortemResult, typeof actions> = {
  id: 'pre-mortem',
  name: 'Pre-mortem',
  description:
    'Imagine the plan has failed and work out why — silently first, then in turns — to leave with a ranked risk register, each top risk with a mitigation and an owner.',
  optionFields: fields,

  create(options) {
    const ranking = option.text(options, 'ranking')
    const dots = option.number(options, 'dots')
    return {
      phases: [
        step(
          'brief',
          'Brief',
          'The plan owner presents the plan: what it is and what success looks like. The facilitator records the plan and its owner.',
        ),
        step(
          'failure',
          'It failed',
          option.text(options, 'prompt') || defaultFailurePrompt,
          { boardEditing: false, privateWriting: true },
          { timerMinutes: option.number(options, 'writingMinutes') },
        ),
        step(
          'share',
          'Round-robin',
          'In turn, starting with the plan owner, each person shares one reason at a time until every reason is on the board.',
          { reveal: 'turn' },
          { focus: 'reasons' },
        ),
        step(
          'cluster',
          'Cluster',
          'Put reasons that describe the same risk together: select them, press Group and name the risk.',
        ),
        ranking === 'scores'
          ? step(
              'rank',
              'Rank the risks',
              'Score every risk for likelihood and impact, 1 to 5, on your own. The scores are revealed when the facilitator closes the scoring.',
              { boardEditing: false },
            )
          : step(
              'rank',
              'Rank the risks',
              `You have ${dots} dot${dots === 1 ? '' : 's'}: place them on the risks most likely to sink the plan.`,
              { boardEditing: false, voting: true },
            ),
        step(
          'mitigate',
          'Mitigations',
          'For the top risks, agree one mitigation and one owner each.',
        ),
        closeStep(
          'The plan owner says how the plan changes. The facilitator closes the pre-mortem to store the risk register.',
        ),
      ],
      regions: gridLayout([
        [
          {
            key: 'plan',
            title: 'The plan',
            prompt: 'What are we about to do, and what does success look like?',
            color: 'blue',
          },
          {
            key: 'reasons',
            title: 'Why it failed',
            prompt: 'One reason per note. Shared in turns, then clustered into risks.',
            color: 'red',
            collects: true,
            span: 2,
          },
        ],
      ]),
      data: { plan: null, scorers: [], scores: null, mitigations: {} },
      anonymous: option.flag(options, 'anonymous'),
    }
  },

  actions,

  result: preMortemResult,
  resultSchema: preMortemResultSchema,

  openActions({ risks, actions }) {
    return carried([
      ...risks.flatMap((risk) =>
        risk.mitigation
          ? [{ text: risk.mitigation.text, ownerName: risk.mitigation.ownerName, due: null }]
          : [],
      ),
      ...actions,
    ])
  },
}

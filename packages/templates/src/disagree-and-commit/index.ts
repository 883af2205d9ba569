/**
 * Disagree and commit: record the proposal, its context, the options considered and who decides
 * → discuss → everyone gives a hidden stance (a block or a low score needs a reason) → reveal and
 * discuss the dissent → the decider records the outcome and rationale → every participant commits
 * explicitly → close.
 */
import { shuffle } from '@accord/facilitation'
import { z } from 'zod'
import { defineAction, done, findOwner, inPhase, memberId, refuse, text } from '../actions.js'
import { gridLayout } from '../layout.js'
import { commonFields, option, type OptionField } from '../options.js'
import { carried } from '../result-parts.js'
import { closeStep, step } from '../steps.js'
import type { Template, WorkshopActions } from '../template.js'
import { proposalBoardText } from './board-text.js'
import { decisionLedger } from './ledger.js'
import {
  type DecisionResult,
  decisionResult,
  decisionResultSchema,
  readDecisionData,
  scaleOf,
} from './result.js'
import { checkStance, isBlock, isStance, stanceRound } from './stances.js'

const fields: readonly OptionField[] = [
  {
    key: 'scale',
    label: 'Stances',
    kind: 'choice',
    choices: [
      { value: 'fist-of-five', label: 'Fist of five (0–5)' },
      { value: 'agreement', label: 'Agree / disagree but commit / block' },
    ],
    default: 'fist-of-five',
  },
  {
    key: 'discussionMinutes',
    label: 'Discussion',
    kind: 'number',
    min: 1,
    max: 120,
    default: 15,
    unit: 'minutes',
  },
  commonFields.anonymous,
]

/** How much a proposal, a stance and a decision may hold: the forms say so before the server does. */
export const decisionLimits = {
  title: 200,
  context: 4000,
  options: { count: 10, title: 200, text: 1000 },
  drivers: { count: 10, length: 200 },
  informed: { count: 30, length: 80 },
  tags: { count: 10, length: 40 },
  reason: 1000,
  decision: 4000,
} as const

const noLongerOpen = 'the stances are revealed; the proposal can no longer change'

/** Tags as people type them: trimmed, each kept once (compared as the decision log does). */
const tags = z
  .array(text(decisionLimits.tags.length, { required: true }))
  .max(decisionLimits.tags.count, `at most ${decisionLimits.tags.count} tags`)
  .default([])
  .transform((given) => {
    const seen = new Set<string>()
    return given.filter((tag) => {
      const key = tag.normalize('NFC').toLowerCase()
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  })

/** The commands this template adds to its rooms. */
const actions = {
  'proposal.set': defineAction({
    schema: z.object({
      title: text(decisionLimits.title, { required: true }),
      context: text(decisionLimits.context, { lines: true }).default(''),
      options: z
        .array(
          z.object({
            title: text(decisionLimits.options.title, { required: true }),
            pros: text(decisionLimits.options.text, { lines: true }).default(''),
            cons: text(decisionLimits.options.text, { lines: true }).default(''),
          }),
        )
        .max(decisionLimits.options.count, `at most ${decisionLimits.options.count} options`)
        .default([]),
      /** What the decision must satisfy (MADR's decision drivers). */
      drivers: z
        .array(text(decisionLimits.drivers.length, { required: true }))
        .max(
          decisionLimits.drivers.count,
          `at most ${decisionLimits.drivers.count} decision drivers`,
        )
        .default([]),
      /** People or teams to tell once it is decided (MADR's "informed"). */
      informed: z
        .array(text(decisionLimits.informed.length, { required: true }))
        .max(
          decisionLimits.informed.count,
          `at most ${decisionLimits.informed.count} people to inform`,
        )
        .default([]),
      tags,
      deciderId: memberId,
    }),
    requires: 'room.facilitate',
    action: 'record the proposal',
    run(context, { deciderId, ...proposal }) {
      const data = readDecisionData(context.data)
      if (data.stances) return refuse(noLongerOpen)
      const decider = findOwner(context, deciderId)
      if (!decider) return refuse('the decider must be someone in the room')
      // Stances are given on one wording: a new one sets them aside, and everyone gives again.
      const reopened =
        data.given.length === 0
          ? {}
          : {
              round: data.round + 1,
              given: [],
              proposalChanged: {
                at: context.now,
                byName: context.actor.name,
                setAside: data.given.length,
              },
            }
      return done({
        data: {
          ...context.data,
          proposal: { ...proposal, deciderId: decider.id, deciderName: decider.name },
          ...reopened,
        },
      })
    },
  }),

  /** The caller's stance, hidden from everyone until the reveal; it can change until then. */
  'stance.give': defineAction({
    schema: z.object({
      stance: z.union([z.number(), z.string()]),
      reason: text(decisionLimits.reason, { lines: true }).default(''),
    }),
    requires: 'vote.cast',
    action: 'give a stance',
    submissions: 'stance',
    run(context, { stance, reason }) {
      const data = readDecisionData(context.data)
      if (!data.proposal) return refuse('there is no proposal yet')
      if (data.stances) return refuse('the stances are already revealed')
      if (!inPhase(context.state, 'stances'))
        return refuse('stances are given in the stances phase')
      const checked = checkStance(scaleOf(context.options), {
        value: stance as never,
        reason,
      })
      if (!checked.ok) return refuse(checked.error)
      const { id, name } = context.actor
      const given = data.given.some((g) => g.memberId === id)
        ? data.given
        : [...data.given, { memberId: id, name }]
      return done({
        data: { ...context.data, given },
        submit: { ...checked.value, round: data.round },
      })
    },
  }),

  /** Shows everyone's stances: with names, or shuffled without them in an anonymous room. */
  'stances.reveal': defineAction({
    schema: z.object({}),
    requires: 'room.facilitate',
    action: 'reveal the stances',
    submissions: 'stance',
    run(context) {
      const data = readDecisionData(context.data)
      if (data.stances) return refuse('the stances are already revealed')
      if (!inPhase(context.state, 'stances', 'reveal'))
        return refuse('stances are revealed in the reveal phase')
      const anonymous = context.state.settings.anonymous
      const names = new Map(context.members.map((m) => [m.id, m.name]))
      // Only stances given on the proposal as it now reads.
      const current = context.submissions.filter(({ value }) => stanceRound(value) === data.round)
      const stances = current.flatMap(({ memberId: id, value }) =>
        isStance(value)
          ? [
              {
                value: value.value,
                reason: value.reason,
                memberId: anonymous ? null : id,
                name: anonymous ? null : (names.get(id) ?? 'Someone'),
              },
            ]
          : [],
      )
      if (stances.length === 0) return refuse('nobody has given a stance yet')
      return done({
        data: {
          ...context.data,
          stances: anonymous ? shuffle(stances, context.random) : stances,
        },
      })
    },
  }),

  /** The decider's outcome and rationale, and its consequences. */
  'decision.record': defineAction({
    schema: z.object({
      outcome: z.enum(['accepted', 'rejected']),
      option: text(decisionLimits.options.title).nullable().default(null),
      decision: text(decisionLimits.decision, { lines: true, required: true }),
      rationale: text(decisionLimits.decision, { lines: true, required: true }),
      consequences: text(decisionLimits.decision, { lines: true }).default(''),
      /** Required to accept over a block: how the decider heard it. */
      acknowledgment: text(decisionLimits.reason, { lines: true }).default(''),
    }),
    requires: 'vote.cast',
    action: 'record the decision',
    run(context, input) {
      const data = readDecisionData(context.data)
      if (!data.proposal) return refuse('there is no proposal yet')
      if (context.actor.id !== data.proposal.deciderId)
        return refuse(`only ${data.proposal.deciderName}, who decides, records the decision`)
      if (!data.stances) return refuse('reveal the stances before deciding')
      if (!inPhase(context.state, 'decide', 'reveal'))
        return refuse('the decision is recorded in the decide phase')
      const option = input.option || null
      if (option !== null && !data.proposal.options.some((o) => o.title === option))
        return refuse('the chosen option is not one of the options considered')
      const overBlock = input.outcome === 'accepted' && data.stances.some((s) => isBlock(s.value))
      if (overBlock && input.acknowledgment.trim() === '')
        return refuse('accepting over a block needs an acknowledgment: say how the block was heard')
      return done({
        data: {
          ...context.data,
          decision: {
            outcome: input.outcome,
            option,
            text: input.decision,
            rationale: input.rationale,
            consequences: input.consequences,
            acknowledgment: overBlock ? input.acknowledgment : '',
            deciderId: context.actor.id,
            deciderName: context.actor.name,
            at: context.now,
          },
          // A new decision asks for everyone's commitment afresh.
          commitments: [],
        },
      })
    },
  }),

  /** The caller commits to the decision, whatever their stance was. */
  commit: defineAction({
    schema: z.object({}),
    requires: 'vote.cast',
    action: 'commit',
    run(context) {
      const data = readDecisionData(context.data)
      if (!data.decision) return refuse('there is no decision to commit to yet')
      if (!inPhase(context.state, 'commit', 'close'))
        return refuse('commitments are made in the commit phase')
      if (data.commitments.some((c) => c.memberId === context.actor.id))
        return refuse('you have already committed')
      const commitment = { memberId: context.actor.id, name: context.actor.name, at: context.now }
      return done({ data: { ...context.data, commitments: [...data.commitments, commitment] } })
    },
  }),
} satisfies WorkshopActions

export const disagreeAndCommit: Template<DecisionResult, typeof actions> = {
  id: 'disagree-and-commit',
  name: 'Disagree and commit',
  description:
    'Settle a decision for good: the proposal and who decides, hidden stances, the dissent in the dissenters’ own words, the decision with its rationale, and everyone’s explicit commitment.',
  optionFields: fields,

  create(options, _previous, revisit) {
    const scale = scaleOf(options)
    return {
      phases: [
        step(
          'proposal',
          'Proposal',
          'Record the proposal: its title, the context, the options considered (with pros and cons) and who decides.',
          {},
          { focus: 'proposal' },
        ),
        step(
          'discussion',
          'Discussion',
          'Ask questions and raise concerns. Put them on the board so they are not lost.',
          {},
          { timerMinutes: option.number(options, 'discussionMinutes'), focus: 'concerns' },
        ),
        step(
          'stances',
          'Hidden stances',
          scale === 'fist-of-five'
            ? 'Give your stance on your own: 0 = block, 3 = can live with it, 5 = full support. A block or a score of 2 or less needs a reason.'
            : 'Give your stance on your own: agree, disagree but commit, or block. A block needs a reason.',
          { boardEditing: false },
        ),
        step(
          'reveal',
          'Reveal and discuss dissent',
          'The stances are revealed. Hear every low stance and block, in the dissenter’s own words.',
        ),
        step(
          'decide',
          'Decide',
          'The decider records the outcome and the rationale, having heard the dissent.',
          { boardEditing: false },
        ),
        step(
          'commit',
          'Commit',
          'Everyone commits to the decision explicitly — including those who disagreed.',
          { boardEditing: false },
        ),
        closeStep('The facilitator closes the session to store the decision.'),
      ],
      regions: gridLayout([
        [
          {
            key: 'proposal',
            title: 'Proposal',
            prompt: 'The proposal, its context and the options considered.',
            color: 'blue',
            span: 2,
          },
          {
            key: 'concerns',
            title: 'Questions and concerns',
            prompt: 'What would make this go wrong? What do we not know?',
            color: 'orange',
          },
        ],
      ]),
      data: {
        proposal: null,
        // What it revisits, and the words to start from (rec:DR10).
        revisits: revisit ? { id: revisit.id, title: revisit.title, date: revisit.date } : null,
        draft: revisit?.draft ?? null,
        round: 0,
        proposalChanged: null,
        given: [],
        stances: null,
        decision: null,
        commitments: [],
      },
      anonymous: option.flag(options, 'anonymous'),
    }
  },

  actions,

  result: decisionResult,
  resultSchema: decisionResultSchema,
  ledger: decisionLedger,
  boardContent: (data, record) => [
    { region: 'proposal', text: proposalBoardText(readDecisionData(data), record) },
  ],
  openActions: (result) => carried(result.actions),
}

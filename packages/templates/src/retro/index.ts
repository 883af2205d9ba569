/**
 * Retrospective: set the stage → private writing (timed) → reveal → group into named themes →
 * dot vote → discuss the themes in vote order, one at a time, highlighted for all → action items
 * with owners → close. A retro that follows up an earlier one opens with that retro's open
 * actions.
 */
import { z } from 'zod'
import { defineAction, done, refuse, shapeId, text } from '../actions.js'
import { gridLayout, type RegionSpec } from '../layout.js'
import { commonFields, option, type OptionField } from '../options.js'
import { carried } from '../result-parts.js'
import { closeStep, step } from '../steps.js'
import type { Template, WorkshopActions } from '../template.js'
import { retroFormat, retroFormats } from './formats.js'
import {
  readRetroData,
  retroResult,
  retroResultSchema,
  type ReviewItem,
  type RetroResult,
} from './result.js'

const fields: readonly OptionField[] = [
  {
    key: 'format',
    label: 'Format',
    kind: 'choice',
    choices: retroFormats.map((format) => ({ value: format.id, label: format.name })),
    default: 'start-stop-continue',
  },
  commonFields.dots(3),
  commonFields.writingMinutes(5),
  commonFields.anonymous,
  {
    key: 'team',
    label: 'Team',
    help: 'Names the team on the result and in the decision log.',
    kind: 'text',
    maxLength: 80,
    default: '',
  },
]

/** How long a theme's discussion note may be: the form says so before the server does. */
export const retroLimits = { note: 2000 } as const

/** The commands this template adds to its rooms. */
const actions = {
  /** Puts a theme under discussion: highlighted for everyone, and marked as discussed. */
  'theme.discuss': defineAction({
    schema: z.object({ themeId: shapeId.nullable() }),
    requires: 'room.facilitate',
    action: 'choose the theme under discussion',
    run(context, { themeId }) {
      const data = readRetroData(context.data)
      const discussed =
        themeId === null || data.discussed.includes(themeId)
          ? data.discussed
          : [...data.discussed, themeId]
      return done({
        data: { ...context.data, discussing: themeId, discussed },
        spotlight: themeId,
      })
    },
  }),
  /** What the team said about a theme, in the facilitator's words. */
  'theme.note': defineAction({
    schema: z.object({ themeId: shapeId, note: text(retroLimits.note, { lines: true }) }),
    requires: 'room.facilitate',
    action: 'write discussion notes',
    run(context, { themeId, note }) {
      const data = readRetroData(context.data)
      return done({ data: { ...context.data, notes: { ...data.notes, [themeId]: note } } })
    },
  }),
  /** Marks one of last retro's actions as done, still open, or dropped. */
  'review.mark': defineAction({
    schema: z.object({
      index: z.number().int().min(0),
      status: z.enum(['open', 'done', 'dropped']),
    }),
    requires: 'room.facilitate',
    action: 'review last retro’s actions',
    run(context, { index, status }) {
      const data = readRetroData(context.data)
      const item = data.review[index]
      if (!item) return refuse(`there is no action ${index + 1} to review`)
      const review = data.review.map((old, i) => (i === index ? { ...old, status } : old))
      // The stored item follows: the follow-up view and its own board say what the review found.
      const followUp = item.id ? { actionId: item.id, status } : undefined
      return done({ data: { ...context.data, review }, ...(followUp ? { followUp } : {}) })
    },
  }),
} satisfies WorkshopActions

export const retro: Template<RetroResult, typeof actions> = {
  id: 'retro',
  name: 'Retrospective',
  description:
    'Look back on a stretch of work: write privately, reveal, group into themes, dot-vote, discuss the top themes and leave with owned actions.',
  optionFields: fields,

  create(options, previous) {
    const format = retroFormat(option.text(options, 'format'))
    const dots = option.number(options, 'dots')
    const review: ReviewItem[] = (previous?.openActions ?? []).map((action) => ({
      ...action,
      status: 'open',
    }))
    const columns: RegionSpec[] = format.columns.map((column) => ({ ...column, collects: true }))
    const reviewRegion: RegionSpec[] = previous
      ? [
          {
            key: 'review',
            title: 'Last retro’s actions',
            prompt: `Open actions from “${previous.title}”: done, still open, or dropped?`,
            color: 'grey',
            notes: review.map((item) => ({
              text: item.text,
              meta: { reviewOf: previous.roomId, ownerName: item.ownerName, due: item.due },
            })),
          },
        ]
      : []
    const phases = [
      ...(previous
        ? [
            step(
              'review',
              'Review last actions',
              `Go through the open actions from “${previous.title}” one by one: done, still open, or dropped.`,
            ),
          ]
        : []),
      step(
        'set-the-stage',
        'Set the stage',
        'Say what this retro covers and why we are here. Check in: one word for how it went.',
      ),
      step(
        'write',
        'Private writing',
        `On your own, write notes for each column (${format.columns.map((c) => c.title).join(', ')}). Nobody sees them until the reveal.`,
        { boardEditing: false, privateWriting: true },
        { timerMinutes: option.number(options, 'writingMinutes') },
      ),
      step('reveal', 'Reveal', 'The notes are revealed into their columns. Read them quietly.', {
        reveal: 'facilitator',
      }),
      step(
        'group',
        'Group into themes',
        'Put related notes together: select them, press Group and name the theme.',
      ),
      step(
        'vote',
        'Dot vote',
        `You have ${dots} dot${dots === 1 ? '' : 's'}: place them on the themes that matter most. Tallies stay hidden until the vote closes.`,
        { boardEditing: false, voting: true },
      ),
      step(
        'discuss',
        'Discuss',
        'The themes in vote order, one at a time: the highlighted theme is the one we are talking about.',
      ),
      step(
        'actions',
        'Action items',
        'Turn what we learned into action items: each with one owner and a due date.',
      ),
      closeStep('Check out with one sentence each. The facilitator closes the retro to store it.'),
    ]
    return {
      phases,
      regions: gridLayout([[...reviewRegion, ...columns]]),
      data: {
        format: format.id,
        discussing: null,
        discussed: [],
        notes: {},
        review,
        previous: previous ? { roomId: previous.roomId, title: previous.title } : null,
      },
      anonymous: option.flag(options, 'anonymous'),
    }
  },

  actions,

  result: retroResult,
  resultSchema: retroResultSchema,

  openActions({ review, actions }) {
    return carried([...review.filter((item) => item.status === 'open'), ...actions])
  },
}

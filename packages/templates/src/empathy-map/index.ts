/**
 * Empathy map (Dave Gray's canvas): fill it in the canonical order — who → goal → see → say → do
 * → hear → think & feel (pains and gains) — one region at a time, shown to everyone, then
 * synthesise insights and needs as structured items.
 */
import { notesByRegion } from '../board.js'
import { gridLayout, type RegionSpec } from '../layout.js'
import { option, type OptionField } from '../options.js'
import { z } from 'zod'
import {
  boardActions,
  carried,
  participants,
  participantSchema,
  resultActionSchema,
  resultBaseSchema,
  type ResultAction,
} from '../result-parts.js'
import { closeStep, step } from '../steps.js'
import type { ResultBase, ResultInput, Template, WorkshopActions } from '../template.js'

const fields: readonly OptionField[] = [
  {
    key: 'persona',
    label: 'Who we empathise with',
    help: 'A person or role, e.g. “a first-time buyer on mobile”.',
    kind: 'text',
    maxLength: 120,
    default: '',
  },
  {
    key: 'minutesPerRegion',
    label: 'Time per region',
    kind: 'number',
    min: 1,
    max: 30,
    default: 4,
    unit: 'minutes',
  },
]

/** The canvas regions in the order the method fills them, with the question each asks. */
export const canvas: readonly (RegionSpec & { readonly phase: string })[] = [
  {
    key: 'who',
    phase: 'Who',
    title: 'Who',
    prompt: 'Who are we empathising with? Their situation and role.',
    color: 'violet',
  },
  {
    key: 'goal',
    phase: 'Goal',
    title: 'Goal',
    prompt: 'What do they need to do? How will we know they succeeded?',
    color: 'violet',
    span: 2,
  },
  {
    key: 'see',
    phase: 'See',
    title: 'See',
    prompt: 'What do they see — in the market, around them, what others do?',
    color: 'blue',
  },
  {
    key: 'say',
    phase: 'Say',
    title: 'Say',
    prompt: 'What have we heard them say? What can we imagine them saying?',
    color: 'blue',
  },
  {
    key: 'do',
    phase: 'Do',
    title: 'Do',
    prompt: 'What do they do today? What behaviour have we seen?',
    color: 'blue',
  },
  {
    key: 'hear',
    phase: 'Hear',
    title: 'Hear',
    prompt: 'What do they hear from others, friends, colleagues, media?',
    color: 'blue',
  },
  {
    key: 'think-feel',
    phase: 'Think & feel',
    title: 'Think & feel',
    prompt: 'What do they think and feel? What really matters to them?',
    color: 'orange',
  },
  {
    key: 'pains',
    phase: 'Think & feel',
    title: 'Pains',
    prompt: 'Their fears, frustrations and anxieties.',
    color: 'red',
    span: 2,
  },
  {
    key: 'gains',
    phase: 'Think & feel',
    title: 'Gains',
    prompt: 'Their wants, needs, hopes and dreams.',
    color: 'green',
    span: 2,
  },
]

const synthesis: readonly RegionSpec[] = [
  {
    key: 'insights',
    title: 'Insights',
    prompt: 'What did we learn about them? One insight per note.',
    color: 'yellow',
    span: 2,
  },
  {
    key: 'needs',
    title: 'Needs',
    prompt: 'What do they need — that we could answer? One need per note.',
    color: 'yellow',
    span: 2,
  },
]

const byKey = (key: string) => canvas.find((region) => region.key === key) as RegionSpec

export interface EmpathyMapResult extends ResultBase {
  readonly template: 'empathy-map'
  readonly persona: string
  readonly regions: readonly { key: string; title: string; notes: readonly string[] }[]
  readonly insights: readonly string[]
  readonly needs: readonly string[]
  readonly actions: readonly ResultAction[]
  readonly participants: readonly { id: string; name: string; role: string }[]
}

export const empathyMapResultSchema: z.ZodType<EmpathyMapResult> = resultBaseSchema.extend({
  template: z.literal('empathy-map'),
  persona: z.string(),
  regions: z.array(z.object({ key: z.string(), title: z.string(), notes: z.array(z.string()) })),
  insights: z.array(z.string()),
  needs: z.array(z.string()),
  actions: z.array(resultActionSchema),
  participants: z.array(participantSchema),
})

/** [tpl:EM1] Each region's notes in reading order; insights and needs as items of their own. */
export function empathyMapResult(input: ResultInput): EmpathyMapResult {
  const notes = notesByRegion(input.records)
  const texts = (key: string) => (notes.get(key) ?? []).map((note) => note.text)
  return {
    template: 'empathy-map',
    title: input.title,
    persona: typeof input.options.persona === 'string' ? input.options.persona : '',
    regions: canvas.map((region) => ({
      key: region.key,
      title: region.title,
      notes: texts(region.key),
    })),
    insights: texts('insights'),
    needs: texts('needs'),
    actions: boardActions(input.records),
    participants: participants(input.members),
  }
}

/** The commands this template adds to its rooms. */
const actions = {} satisfies WorkshopActions

export const empathyMap: Template<EmpathyMapResult, typeof actions> = {
  id: 'empathy-map',
  name: 'Empathy map',
  description:
    'Step into one person’s shoes, region by region — who, goal, see, say, do, hear, think & feel — and synthesise insights and needs.',
  optionFields: fields,

  create(options) {
    const minutes = option.number(options, 'minutesPerRegion')
    const persona = option.text(options, 'persona')
    const walk = canvas.filter(
      (region, i) => canvas.findIndex((r) => r.phase === region.phase) === i,
    )
    return {
      phases: [
        ...walk.map((region) =>
          step(
            region.key,
            region.phase,
            region.key === 'think-feel'
              ? 'What do they think and feel? Then their pains (fears, frustrations) and gains (wants, hopes).'
              : region.key === 'who' && persona
                ? `${region.prompt} We are mapping: ${persona}.`
                : region.prompt,
            {},
            { timerMinutes: minutes, focus: region.key },
          ),
        ),
        step(
          'synthesis',
          'Synthesis',
          'Step back and read the whole map. Write insights (what we learned) and needs (what they need) — one per note.',
          {},
          { focus: 'insights' },
        ),
        closeStep('Read the insights and needs aloud. The facilitator closes the map to store it.'),
      ],
      regions: gridLayout(
        [
          [byKey('who'), byKey('goal'), byKey('think-feel')],
          [byKey('see'), byKey('say'), byKey('do'), byKey('hear')],
          [byKey('pains'), byKey('gains')],
          synthesis,
        ].map((row) => row.map((region) => ({ ...region, height: 560 }))),
      ),
      data: {},
      anonymous: false,
    }
  },

  actions,
  result: empathyMapResult,
  resultSchema: empathyMapResultSchema,
  openActions: (result) => carried(result.actions),
}

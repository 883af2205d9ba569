import { templates } from '@accord/templates'
import { describe, expect, it } from 'vitest'
import type {
  TemplateActionInputs,
  TemplateCommandOf,
  TemplateWithActions,
} from './template-actions.js'

/** What the web app sends, for every action of every template (the map must name each one). */
const sent: {
  readonly [Id in TemplateWithActions]: {
    readonly [Type in keyof TemplateActionInputs[Id]]: readonly ({
      readonly type: Type
    } & TemplateActionInputs[Id][Type])[]
  }
} = {
  retro: {
    'theme.discuss': [
      { type: 'theme.discuss', themeId: 'shape:theme-1' },
      { type: 'theme.discuss', themeId: null },
    ],
    'theme.note': [{ type: 'theme.note', themeId: 'shape:theme-1', note: 'We agreed.\nMostly.' }],
    'review.mark': [{ type: 'review.mark', index: 0, status: 'done' }],
  },
  'pre-mortem': {
    'brief.set': [{ type: 'brief.set', statement: 'We launch in May.', ownerId: 'm-1' }],
    'risk.score': [
      { type: 'risk.score', scores: [{ riskId: 'shape:risk', likelihood: 3, impact: 5 }] },
    ],
    'scores.close': [{ type: 'scores.close' }],
    'risk.mitigate': [
      { type: 'risk.mitigate', riskId: 'shape:risk', mitigation: 'Load test', ownerId: 'm-1' },
    ],
  },
  'empathy-map': {},
  'disagree-and-commit': {
    'proposal.set': [
      { type: 'proposal.set', title: 'Move to Postgres', deciderId: 'm-1' },
      {
        type: 'proposal.set',
        title: 'Move to Postgres',
        context: 'Writes double.',
        options: [{ title: 'Postgres', pros: 'Scales', cons: 'Ops' }, { title: 'SQLite' }],
        drivers: ['Write load'],
        informed: ['Ops team'],
        tags: ['infra'],
        deciderId: 'm-1',
      },
    ],
    'stance.give': [
      { type: 'stance.give', stance: 3, reason: '' },
      { type: 'stance.give', stance: 'block', reason: 'No one on call' },
    ],
    'stances.reveal': [{ type: 'stances.reveal' }],
    'decision.record': [
      {
        type: 'decision.record',
        outcome: 'accepted',
        option: 'Postgres',
        decision: 'We move after the launch.',
        rationale: 'Load doubles.',
        consequences: '',
      },
      { type: 'decision.record', outcome: 'rejected', decision: 'No.', rationale: 'Too soon.' },
    ],
    commit: [{ type: 'commit' }],
  },
  blank: {},
}

const inputsOf = (id: string): Readonly<Record<string, readonly unknown[]>> => {
  if (!Object.hasOwn(sent, id)) throw new Error(`no examples for ${id}`)
  return sent[id as TemplateWithActions]
}

describe('template action types (derived from the templates’ schemas)', () => {
  it('have an example for every action of every template', () => {
    expect(Object.keys(sent).sort()).toEqual(templates.map((t) => t.id).sort())
    for (const template of templates) {
      expect(Object.keys(inputsOf(template.id)).sort()).toEqual(
        Object.keys(template.actions).sort(),
      )
    }
  })

  it("what the type allows is accepted by each template's own schema", () => {
    for (const template of templates) {
      for (const [type, inputs] of Object.entries(inputsOf(template.id))) {
        const action = template.actions[type]
        if (!action) throw new Error(`${template.id} has no ${type}`)
        for (const input of inputs)
          expect(action.schema.safeParse(input).error, type).toBeUndefined()
      }
    }
  })

  it('a misspelt field is refused by the type and by the schema', () => {
    // @ts-expect-error -- `theme` is not a field of theme.discuss
    const misspelt: TemplateCommandOf<'retro'> = { type: 'theme.discuss', theme: 'shape:a' }
    const discuss = templates.find((t) => t.id === 'retro')?.actions['theme.discuss']
    expect(discuss?.schema.safeParse(misspelt).success).toBe(false)
  })
})

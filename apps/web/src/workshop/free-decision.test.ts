import { commandSchemas } from '@accord/api'
import { describe, expect, it } from 'vitest'
import { emptyFreeDecision, freeDecisionCommand, selectedShape } from './free-decision'

const frame = { id: 'shape:f', type: 'frame', props: { name: 'Deploys' } }
const note = { id: 'shape:n', type: 'note', props: { richText: {} } }

describe('a free-form decision form', () => {
  it('[rec:DR9] sends a command the server takes, from the selected shape when asked', () => {
    const draft = {
      ...emptyFreeDecision,
      title: ' No Friday deploys ',
      decision: 'Monday to Thursday only.',
      decisionMakerIds: ['m-1'],
    }
    const sent = freeDecisionCommand(draft, selectedShape([frame]))
    expect(sent).toEqual({
      ok: true,
      command: expect.objectContaining({ title: 'No Friday deploys', shapeId: 'shape:f' }),
    })
    expect(sent.ok && commandSchemas['decision.create'].safeParse(sent.command).success).toBe(true)
    const unlinked = freeDecisionCommand({ ...draft, fromSelection: false }, selectedShape([frame]))
    expect(unlinked.ok && unlinked.command.shapeId).toBeNull()
  })

  it('says what to fix first', () => {
    const fix = (over: object) => {
      const outcome = freeDecisionCommand({ ...emptyFreeDecision, ...over }, null)
      return outcome.ok ? null : outcome.error
    }
    expect(fix({})).toBe('Give the decision a title.')
    expect(fix({ title: 'T' })).toBe('Write what was decided.')
    expect(fix({ title: 'T', decision: 'D' })).toBe('Choose who decided (at least one person).')
  })

  it('comes from one selected frame or note, nothing else', () => {
    expect(selectedShape([frame])).toEqual({ id: 'shape:f', label: 'frame “Deploys”' })
    expect(selectedShape([note])).toEqual({ id: 'shape:n', label: 'the note' })
    expect(selectedShape([frame, note])).toBeNull()
    expect(selectedShape([{ id: 'shape:a', type: 'arrow', props: {} }])).toBeNull()
    expect(selectedShape([])).toBeNull()
  })
})

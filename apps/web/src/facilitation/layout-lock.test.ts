import { describe, expect, it } from 'vitest'
import { withoutLayout } from './layout-lock'

const state = (selectedShapeIds: string[], editingShapeId: string | null = null) => ({
  id: 'instance_page_state:page:page',
  selectedShapeIds,
  editingShapeId,
})

describe('a fixed layout in the selection', () => {
  it('takes region frames and prompts out of the selection, keeping the notes', () => {
    expect(
      withoutLayout(state(['shape:start', 'shape:note', 'shape:prompt']), [
        'shape:start',
        'shape:prompt',
      ]),
    ).toEqual(state(['shape:note']))
  })

  it('stops editing a region’s name', () => {
    expect(withoutLayout(state([], 'shape:start'), ['shape:start'])).toEqual(state([]))
    expect(withoutLayout(state([], 'shape:note'), ['shape:start'])).toBeNull()
  })

  it('changes nothing when no layout is selected (or there is none)', () => {
    expect(withoutLayout(state(['shape:note']), ['shape:start'])).toBeNull()
    expect(withoutLayout(state(['shape:start']), [])).toBeNull()
  })
})

/** Board records and contexts for template tests: just the fields the readers look at. */
import { initialRoomState, type PublicVote, type RoomState } from '@accord/facilitation'
import type { ActionContext, Member, Template } from '../template.js'
import { checkOptions } from '../options.js'

export const page = 'page:page'

export function frame(
  id: string,
  name: string,
  at: { x?: number; y?: number; parentId?: string; region?: string } = {},
) {
  return {
    typeName: 'shape',
    type: 'frame',
    id,
    parentId: at.parentId ?? page,
    index: `a${id.length}`,
    x: at.x ?? 0,
    y: at.y ?? 0,
    props: { name, w: 500, h: 500 },
    meta: at.region ? { region: at.region } : {},
  }
}

export function note(
  id: string,
  text: string,
  parentId: string,
  at: { x?: number; y?: number; meta?: object } = {},
) {
  return {
    typeName: 'shape',
    type: 'note',
    id,
    parentId,
    index: 'a1',
    x: at.x ?? 0,
    y: at.y ?? 0,
    props: {
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      },
    },
    meta: at.meta ?? {},
  }
}

export const ada: Member = { id: 'ada', name: 'Ada', role: 'facilitator' }
export const bo: Member = { id: 'bo', name: 'Bo', role: 'participant' }
export const cy: Member = { id: 'cy', name: 'Cy', role: 'participant' }
export const vi: Member = { id: 'vi', name: 'Vi', role: 'viewer' }
export const members = [ada, bo, cy, vi]

/** A template's options, checked (defaults filled in); throws if they do not fit. */
export function optionsFor(template: Template, given: Record<string, unknown> = {}) {
  const checked = checkOptions(template.optionFields, given)
  if (!checked.ok) throw new Error(checked.error)
  return checked.value
}

/** A room state following the template, in the phase with this id. */
export function stateFor(
  template: Template,
  options: Record<string, unknown>,
  phaseId: string,
): RoomState {
  const checked = optionsFor(template, options)
  const plan = template.create(checked, null)
  const index = plan.phases.findIndex((phase) => phase.id === phaseId)
  if (index < 0) throw new Error(`no phase ${phaseId}`)
  return {
    ...initialRoomState(),
    plan: { phases: plan.phases, currentIndex: index },
    settings: { anonymous: plan.anonymous },
    workshop: { template: template.id, options: checked, data: plan.data, closedAt: null },
  }
}

export function closedVote(results: Record<string, number>): PublicVote {
  const items = Object.keys(results).map((id) => ({ id, label: id }))
  return {
    id: 'v1',
    items,
    dotsPerPerson: 3,
    maxPerItem: 3,
    status: 'closed',
    openedAt: 1,
    closedAt: 2,
    voters: 3,
    results: Object.entries(results).map(([itemId, dots]) => ({
      itemId,
      label: itemId,
      dots,
      rank: 0,
    })),
  }
}

/** Runs a template action as `actor`, on the state's workshop data. */
export function act(
  template: Template,
  state: RoomState,
  name: string,
  input: unknown,
  extra: Partial<ActionContext> & { actor?: Member } = {},
) {
  const action = template.actions[name]
  if (!action) throw new Error(`no action ${name}`)
  const workshop = state.workshop
  if (!workshop) throw new Error('no workshop')
  return action.run(
    {
      state,
      options: workshop.options as ActionContext['options'],
      data: workshop.data,
      actor: ada,
      members,
      submissions: [],
      records: [],
      now: 1000,
      random: () => 0.5,
      ...extra,
    },
    input,
  )
}

/** Applies an action's data change to the state, as the server does. */
export function withData(
  state: RoomState,
  data: Readonly<Record<string, unknown>> | undefined,
): RoomState {
  if (!state.workshop || !data) return state
  return { ...state, workshop: { ...state.workshop, data } }
}

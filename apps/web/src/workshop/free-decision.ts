/**
 * "Record decision" on a board without decision steps of its own (rec:DR9), without React: what
 * the form holds, the command it sends, and which shape of the board it can come from.
 */
import type { CommandInput } from '@accord/api'

export interface FreeDecisionDraft {
  readonly title: string
  readonly context: string
  readonly decision: string
  readonly rationale: string
  readonly consequences: string
  readonly decisionMakerIds: readonly string[]
  readonly status: 'accepted' | 'proposed'
  /** Link the record to the shape selected on the board. */
  readonly fromSelection: boolean
}

export const emptyFreeDecision: FreeDecisionDraft = {
  title: '',
  context: '',
  decision: '',
  rationale: '',
  consequences: '',
  decisionMakerIds: [],
  status: 'accepted',
  fromSelection: true,
}

/** The shape a decision can come from: one selected frame or note, with what to call it. */
export interface SelectedShape {
  readonly id: string
  readonly label: string
}

/** The one frame or note selected on the board, if exactly one is. */
export function selectedShape(
  shapes: readonly { id: string; type: string; props: object }[],
): SelectedShape | null {
  if (shapes.length !== 1) return null
  const [shape] = shapes
  if (!shape || (shape.type !== 'frame' && shape.type !== 'note')) return null
  const name = 'name' in shape.props && typeof shape.props.name === 'string' ? shape.props.name : ''
  return { id: shape.id, label: shape.type === 'frame' ? `frame “${name || 'Frame'}”` : 'the note' }
}

/** The command the form sends, or what to fix first. */
export function freeDecisionCommand(
  draft: FreeDecisionDraft,
  selection: SelectedShape | null,
):
  | { readonly ok: true; readonly command: CommandInput<'decision.create'> }
  | { readonly ok: false; readonly error: string } {
  if (draft.title.trim() === '') return { ok: false, error: 'Give the decision a title.' }
  if (draft.decision.trim() === '') return { ok: false, error: 'Write what was decided.' }
  if (draft.decisionMakerIds.length === 0)
    return { ok: false, error: 'Choose who decided (at least one person).' }
  return {
    ok: true,
    command: {
      type: 'decision.create',
      title: draft.title.trim(),
      context: draft.context,
      decision: draft.decision,
      rationale: draft.rationale,
      consequences: draft.consequences,
      decisionMakerIds: [...draft.decisionMakerIds],
      status: draft.status,
      shapeId: draft.fromSelection && selection ? selection.id : null,
    },
  }
}

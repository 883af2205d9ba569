/**
 * What the board's records say beyond their drawing: groups (frames, with the notes inside them)
 * and action items (notes with an owner and an optional due date). Pure readers over the record
 * JSON, used by the side panels, the API and — later — summaries and exports.
 */

export interface BoardGroup {
  readonly id: string
  readonly name: string
  /** Notes inside the group, however deeply nested, in board order. */
  readonly noteIds: readonly string[]
}

export type ActionItemStatus = 'open' | 'done' | 'dropped'

export interface ActionMeta {
  readonly ownerId: string
  readonly ownerName: string
  /** An ISO date (YYYY-MM-DD), or null. */
  readonly due: string | null
  /**
   * Its follow-up: written onto the note by the server from the stored item (`AI-7`, done or
   * dropped) once it is saved and whenever it changes anywhere (fac:AI4); open and unsaved before.
   */
  readonly status: ActionItemStatus
  readonly id: string | null
  /** What to do, when it was written apart from the note's words (fac:AI5); else the note's. */
  readonly text: string | null
}

export interface ActionItem extends Omit<ActionMeta, 'text'> {
  readonly shapeId: string
  /** What to do: its own words, or the note's. */
  readonly text: string
}

interface ShapeJson {
  readonly id: string
  readonly type: string
  readonly parentId: string
  readonly index: string
  readonly props: Record<string, unknown>
  readonly meta: Record<string, unknown>
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function asShape(record: unknown): ShapeJson | null {
  if (!isObject(record) || record.typeName !== 'shape') return null
  const { id, type, parentId, index } = record
  if (typeof id !== 'string' || typeof type !== 'string' || typeof parentId !== 'string')
    return null
  return {
    id,
    type,
    parentId,
    index: typeof index === 'string' ? index : '',
    props: isObject(record.props) ? record.props : {},
    meta: isObject(record.meta) ? record.meta : {},
  }
}

/** The text of tldraw rich text (TipTap JSON): paragraphs joined by line breaks. */
export function plainText(richText: unknown): string {
  if (!isObject(richText)) return ''
  if (richText.type === 'text') return typeof richText.text === 'string' ? richText.text : ''
  const children = Array.isArray(richText.content) ? richText.content : []
  const separator = richText.type === 'doc' ? '\n' : ''
  return children.map(plainText).join(separator)
}

export const DUE_DATE = /^\d{4}-\d{2}-\d{2}$/

/** [fac:AI1] An action item's metadata, if the note has a well-formed one. */
export function readAction(meta: unknown): ActionMeta | null {
  const action = isObject(meta) ? meta.action : undefined
  if (!isObject(action)) return null
  const { ownerId, ownerName, due, status, id, text } = action
  if (typeof ownerId !== 'string' || ownerId === '' || typeof ownerName !== 'string') return null
  if (due !== null && due !== undefined && (typeof due !== 'string' || !DUE_DATE.test(due)))
    return null
  return {
    ownerId,
    ownerName,
    due: typeof due === 'string' ? due : null,
    status: status === 'done' || status === 'dropped' ? status : 'open',
    id: typeof id === 'string' && /^AI-\d+$/.test(id) ? id : null,
    text: typeof text === 'string' && text.trim() !== '' ? text : null,
  }
}

const byIndex = (a: ShapeJson, b: ShapeJson) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0)

/** [fac:GR1] Groups are frames; their members are the notes inside them (at any depth). */
export function boardGroups(records: Iterable<unknown>): BoardGroup[] {
  const shapes = [...records].map(asShape).filter((s): s is ShapeJson => s !== null)
  const byId = new Map(shapes.map((shape) => [shape.id, shape]))
  const groupOf = (shape: ShapeJson): string | null => {
    const seen = new Set<string>()
    let parent = byId.get(shape.parentId)
    while (parent && !seen.has(parent.id)) {
      if (parent.type === 'frame') return parent.id
      seen.add(parent.id)
      parent = byId.get(parent.parentId)
    }
    return null
  }
  const members = new Map<string, ShapeJson[]>()
  for (const shape of shapes) {
    if (shape.type !== 'note') continue
    const group = groupOf(shape)
    if (group) members.set(group, [...(members.get(group) ?? []), shape])
  }
  return shapes
    .filter((shape) => shape.type === 'frame')
    .sort(byIndex)
    .map((frame) => ({
      id: frame.id,
      name:
        typeof frame.props.name === 'string' && frame.props.name.trim() !== ''
          ? frame.props.name
          : 'Untitled group',
      noteIds: (members.get(frame.id) ?? []).sort(byIndex).map((note) => note.id),
    }))
}

/** [fac:AI2] Every action item on the board, soonest due first (undated last). */
export function actionItems(records: Iterable<unknown>): ActionItem[] {
  const items: ActionItem[] = []
  for (const record of records) {
    const shape = asShape(record)
    if (!shape || shape.type !== 'note') continue
    const action = readAction(shape.meta)
    if (action) {
      const text = action.text ?? plainText(shape.props.richText)
      items.push({ ...action, shapeId: shape.id, text })
    }
  }
  return items.sort(
    (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.text.localeCompare(b.text),
  )
}

/** [fac:AI3] Overdue: open and due before `today` (YYYY-MM-DD); a done or dropped one never is. */
export function isOverdue(item: Pick<ActionMeta, 'due' | 'status'>, today: string): boolean {
  return item.status === 'open' && item.due !== null && item.due < today
}

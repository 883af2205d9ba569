import { readAction } from '@accord/facilitation'
import { useEditor, useValue } from 'tldraw'

export function formatDue(due: string): string {
  return new Date(`${due}T00:00:00`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
  })
}

/** How a badge starts: an open item is to do; a done or dropped one says so (fac:AI4). */
const statusMark = { open: '✓', done: 'Done:', dropped: 'Dropped:' } as const

/** A badge on every action-item note: its owner, due date and follow-up, live from the store. */
export function ActionBadges() {
  const editor = useEditor()
  const badges = useValue(
    'action badges',
    () =>
      editor.getCurrentPageShapes().flatMap((shape) => {
        const action = shape.type === 'note' ? readAction(shape.meta) : null
        const bounds = action ? editor.getShapePageBounds(shape) : undefined
        if (!action || !bounds) return []
        const at = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY })
        return [{ id: shape.id, action, x: at.x, y: at.y }]
      }),
    [editor],
  )
  return (
    <>
      {badges.map(({ id, action, x, y }) => (
        <span
          key={id}
          className={`action-badge action-badge--${action.status}`}
          data-testid="action-badge"
          data-status={action.status}
          title={action.id ? `${action.id} — follow it up on the action items page` : undefined}
          style={{ transform: `translate(${x}px, ${y}px) translate(6px, calc(-100% - 6px))` }}
        >
          {statusMark[action.status]} {action.ownerName}
          {action.due ? ` · ${formatDue(action.due)}` : ''}
        </span>
      ))}
    </>
  )
}

import { useContext } from 'react'
import { useEditor, useValue } from 'tldraw'
import { BoardOverlayContext } from './board-overlay-context'
import { groupSelection } from './group-notes'

/** A small toolbar above selected notes: group them, or make one an action item. */
export function SelectionActions() {
  const editor = useEditor()
  const { canEdit, editAction } = useContext(BoardOverlayContext)
  const selection = useValue(
    'selection actions',
    () => {
      const shapes = editor.getSelectedShapes()
      const bounds = editor.getSelectionPageBounds()
      if (shapes.length === 0 || !bounds || !shapes.every((shape) => shape.type === 'note'))
        return null
      if (editor.getEditingShapeId() !== null || editor.isIn('select.translating')) return null
      const at = editor.pageToViewport({ x: bounds.midX, y: bounds.minY })
      return { ids: shapes.map((shape) => shape.id), x: at.x, y: at.y }
    },
    [editor],
  )
  if (!canEdit || !selection) return null
  const only = selection.ids.length === 1 ? selection.ids[0] : undefined
  return (
    <div
      className="selection-actions"
      style={{
        transform: `translate(${selection.x}px, ${selection.y}px) translate(-50%, calc(-100% - 44px))`,
      }}
      onPointerDown={(event) => event.stopPropagation()}
    >
      <button type="button" data-testid="group-notes" onClick={() => groupSelection(editor)}>
        Group
      </button>
      {only && (
        <button type="button" data-testid="make-action" onClick={() => editAction(only)}>
          Action item
        </button>
      )}
    </div>
  )
}

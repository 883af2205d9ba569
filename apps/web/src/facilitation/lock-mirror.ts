/**
 * Mirrors the server's locks in the editor, so that nobody makes an edit the server would refuse
 * (the server is what actually enforces them). Locked shapes cannot be changed or deleted, and a
 * shape dropped onto a locked frame lands on the page instead.
 */
import { isInLockedFrame, type Locks } from '@accord/facilitation'
import type { Editor, TLShape } from 'tldraw'

export function mirrorLocks(editor: Editor, currentLocks: () => Locks): () => void {
  const lookup = (id: string) => editor.store.get(id as TLShape['id'])
  const locked = (shape: TLShape) => isInLockedFrame(shape.id, shape, currentLocks(), lookup)

  const stopChange = editor.sideEffects.registerBeforeChangeHandler(
    'shape',
    (prev, next, source) => (source === 'user' && (locked(prev) || locked(next)) ? prev : next),
  )
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && locked(shape) ? false : undefined,
  )
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !locked(shape)) return shape
    const onPage = editor
      .getShapePageTransform(shape.parentId as TLShape['id'])
      ?.applyToPoint(shape)
    return {
      ...shape,
      parentId: editor.getCurrentPageId(),
      x: onPage?.x ?? shape.x,
      y: onPage?.y ?? shape.y,
    }
  })
  return () => {
    stopChange()
    stopDelete()
    stopCreate()
  }
}

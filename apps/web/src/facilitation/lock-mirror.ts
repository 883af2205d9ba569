/**
 * Mirrors the server's locks in the editor, so that nobody makes an edit the server would refuse
 * (the server is what actually enforces them). Locked shapes cannot be changed or deleted, and a
 * shape dropped onto a locked frame lands on the page instead. A template's layout (its region
 * frames and their prompts) cannot be selected, changed or deleted, while the notes inside its
 * regions stay free — the frames are not `isLocked`, which tldraw would pass on to their children.
 */
import { isInLockedFrame, type Locks } from '@accord/facilitation'
import type { Editor, TLShape } from 'tldraw'
import { withoutLayout } from './layout-lock'

export function mirrorLocks(editor: Editor, currentLocks: () => Locks): () => void {
  const lookup = (id: string) => editor.store.get(id as TLShape['id'])
  const locked = (shape: TLShape) => isInLockedFrame(shape.id, shape, currentLocks(), lookup)
  const inLayout = (id: string) => currentLocks().layout.includes(id)

  const stopChange = editor.sideEffects.registerBeforeChangeHandler(
    'shape',
    (prev, next, source) =>
      source === 'user' && (inLayout(prev.id) || locked(prev) || locked(next)) ? prev : next,
  )
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && (inLayout(shape.id) || locked(shape)) ? false : undefined,
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
  // The layout never gets selected or edited: nothing to drag, resize, rename or delete (deleting
  // a selected region would take the notes inside it along).
  const stopSelect = editor.sideEffects.registerBeforeChangeHandler(
    'instance_page_state',
    (prev, next, source) => {
      if (source !== 'user') return next
      const kept = withoutLayout(next, currentLocks().layout)
      return kept ?? next
    },
  )
  return () => {
    stopChange()
    stopDelete()
    stopCreate()
    stopSelect()
  }
}

import type { Editor } from 'tldraw'
import { bringIntoView } from './show-shape'

/**
 * When notes are revealed (the server writes them, marked `meta.revealed`), bring them into view
 * for everyone — once per reveal, however many notes it brings.
 */
export function focusRevealedNotes(editor: Editor): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined
  const stop = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'remote' || shape.meta.revealed !== true) return
    clearTimeout(pending)
    pending = setTimeout(() => {
      const bounds = editor.getCurrentPageBounds()
      // Never closer than 100%: a couple of notes should not fill the screen. Beside any panel.
      if (bounds) bringIntoView(editor, bounds, { inset: 80 })
    }, 50)
  })
  return () => {
    clearTimeout(pending)
    stop()
  }
}

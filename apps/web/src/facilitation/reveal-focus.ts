import type { Editor } from 'tldraw'

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
      // Never closer than 100%: a couple of notes should not fill the screen.
      if (bounds)
        editor.zoomToBounds(bounds, { targetZoom: 1, inset: 80, animation: { duration: 300 } })
    }, 50)
  })
  return () => {
    clearTimeout(pending)
    stop()
  }
}

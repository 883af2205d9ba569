import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { Box, type Editor, type TLShapeId, Tldraw, type TLStore } from 'tldraw'
import { runtimeConfig } from '../app/runtime-config'

// Fonts, icons and translations are bundled and served by Accord itself, as on the live board.
const assetUrls = getAssetUrlsByImport()

/**
 * The board kept with a decision, read-only, opened at the region the decision came from (the
 * whole page when it names none that the kept board has).
 */
export function KeptBoardCanvas(props: {
  store: TLStore
  shapeIds: readonly string[]
  onEditor: (editor: Editor | null) => void
}) {
  return (
    <div className="kept-board__canvas" data-testid="kept-board-canvas">
      <Tldraw
        store={props.store}
        assetUrls={assetUrls}
        // The watermark tldraw's 3.x licence asks for without a key, as on the live board.
        licenseKey={runtimeConfig().tldrawLicenseKey ?? undefined}
        onMount={(editor: Editor) => {
          showRegion(editor, props.shapeIds)
          props.onEditor(editor)
          return () => props.onEditor(null)
        }}
      />
    </div>
  )
}

/** Moves the camera to the shapes (on their page), or fits the page when none of them is here. */
function showRegion(editor: Editor, shapeIds: readonly string[]): void {
  const shapes = shapeIds.flatMap((id) => editor.getShape(id as TLShapeId) ?? [])
  const first = shapes[0]
  if (first) editor.setCurrentPage(editor.getAncestorPageId(first) ?? editor.getCurrentPageId())
  const bounds = shapes.flatMap((shape) => editor.getShapePageBounds(shape) ?? [])
  if (bounds.length === 0) {
    editor.zoomToFit()
    return
  }
  // Never closer than 100%: a small region stays in its surroundings.
  editor.zoomToBounds(Box.Common(bounds), { inset: 80, targetZoom: 1 })
}

import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { type Editor, type TLComponents, Tldraw, type TLStoreWithStatus } from 'tldraw'
import { type BoardOverlay, BoardOverlayContext } from '../facilitation/board-overlay-context'
import { CanvasOverlays } from '../facilitation/CanvasOverlays'
import { focusRevealedNotes } from '../facilitation/reveal-focus'
import type { BoardSession } from './board-session'
import { attributeNoteEdits } from './note-attribution'
import { runtimeConfig } from '../app/runtime-config'

// Fonts, icons and translations are bundled and served by Accord itself: no CDN, works offline.
const assetUrls = getAssetUrlsByImport()

// Stable across renders: tldraw remounts custom components whose identity changes.
const components: TLComponents = { InFrontOfTheCanvas: CanvasOverlays }

export function BoardCanvas(props: {
  session: BoardSession
  store: TLStoreWithStatus
  overlay: BoardOverlay
  onEditor: (editor: Editor | null) => void
}) {
  return (
    <div className="board-canvas">
      <BoardOverlayContext.Provider value={props.overlay}>
        <Tldraw
          store={props.store}
          components={components}
          shapeUtils={props.session.shapeUtils}
          user={props.session.tldrawUser}
          assetUrls={assetUrls}
          // Without a key (the default) tldraw shows its "Made with tldraw" watermark, which its
          // 3.x licence requires; a business licence key, given to the server, removes it.
          licenseKey={runtimeConfig().tldrawLicenseKey ?? undefined}
          onMount={(editor: Editor) => {
            props.onEditor(editor)
            const stopExposing = exposeForDebugging(editor, props.session)
            const stopFocusing = focusRevealedNotes(editor)
            const stopAttributing = attributeNoteEdits(editor, props.session.author)
            return () => {
              props.onEditor(null)
              stopExposing()
              stopFocusing()
              stopAttributing()
            }
          }}
        />
      </BoardOverlayContext.Provider>
    </div>
  )
}

/**
 * `window.accord` gives end-to-end tests and curious developers the editor and document of the
 * open board. It grants nothing the page's own code does not already have.
 */
function exposeForDebugging(editor: Editor, session: BoardSession): () => void {
  window.accord = { editor, doc: session.doc }
  return () => {
    if (window.accord?.editor === editor) window.accord = undefined
  }
}

import { can } from '@accord/facilitation'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { type Editor, Tldraw, type TLStoreWithStatus } from 'tldraw'
import { publishCurrentUser } from './publish-current-user'
import type { BoardSession } from './board-session'

// Fonts, icons and translations are bundled and served by Accord itself: no CDN, works offline.
const assetUrls = getAssetUrlsByImport()

export function BoardCanvas(props: { session: BoardSession; store: TLStoreWithStatus }) {
  return (
    <div className="board-canvas">
      <Tldraw
        store={props.store}
        assetUrls={assetUrls}
        licenseKey={import.meta.env.VITE_TLDRAW_LICENSE_KEY}
        onMount={(editor: Editor) => {
          // The server refuses a viewer's edits; the editor says so up front instead.
          if (!can(props.session.role, 'board.edit'))
            editor.updateInstanceState({ isReadonly: true })
          const stopPublishing = can(props.session.role, 'board.edit')
            ? publishCurrentUser(editor, props.session.user)
            : () => {}
          const stopExposing = exposeForDebugging(editor, props.session)
          return () => {
            stopPublishing()
            stopExposing()
          }
        }}
      />
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

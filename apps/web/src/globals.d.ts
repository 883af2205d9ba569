import type { Editor } from 'tldraw'
import type * as Y from 'yjs'

declare global {
  interface Window {
    accord?: { editor: Editor; doc: Y.Doc }
  }
  interface ImportMetaEnv {
    /** tldraw licence key, needed for production builds served over https on a real host. */
    readonly VITE_TLDRAW_LICENSE_KEY?: string
  }
}

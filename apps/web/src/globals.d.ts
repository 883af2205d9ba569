import type { Editor } from 'tldraw'
import type * as Y from 'yjs'

declare global {
  interface Window {
    accord?: { editor: Editor; doc: Y.Doc }
  }
}

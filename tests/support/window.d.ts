// The slice of what the web app exposes on window (apps/web/src/board/BoardCanvas.tsx) that the
// end-to-end tests read. Declared here so the tests do not depend on tldraw's types.
interface AccordTestShape {
  readonly id: string
  readonly type: string
  readonly x: number
  readonly y: number
}

interface Window {
  accord?: {
    editor: {
      getCurrentPageShapes(): AccordTestShape[]
      getSelectedShapeIds(): string[]
      getCollaborators(): { userName: string; userId: string }[]
      startFollowingUser(userId: string): void
      undo(): void
      setCamera(camera: { x: number; y: number; z: number }): void
      getViewportPageBounds(): { x: number; y: number; w: number; h: number }
      getShapeUtil(shape: AccordTestShape): { getText(shape: AccordTestShape): string | undefined }
      deleteShapes(ids: string[]): void
    }
    /** The board's Y.Doc, as the page opened it: what a modified client could write to. */
    doc: { getMap(name: string): { set(key: string, value: unknown): void } }
  }
}

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
    }
  }
}

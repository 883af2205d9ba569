/**
 * What runs inside the board page. Playwright sends each exported function's source to the page,
 * so each one stands alone: no imports, no helpers from this module.
 *
 * `installProbe` (an init script, before the app's own code) runs a requestAnimationFrame loop
 * from navigation on. At each frame it reads the editor the app exposes (`window.accord`) and the
 * canvas's DOM, and notes, in ms since navigation start (`performance.now()`):
 * - `editorMs`: the first frame with a tldraw editor;
 * - `storeCompleteMs`: the first frame at which the editor's store holds every note;
 * - `firstNoteMs`: a note painted — the frame after one with a note's element shown (tldraw hides
 *   culled shapes with `display: none`) and its text in it;
 * - `renderedMs`: the board painted — the frame after the first one at which the store holds
 *   every note AND every note in the viewport (not culled by the editor) has its element shown
 *   with its text. A rAF callback runs before its frame is painted, hence "the frame after".
 * While recording, it also keeps each frame's rAF timestamp and adds up how far the camera moved.
 */

/** The slice of the page's globals used here (the bench compiles without the DOM library). */
interface ProbeElement {
  readonly dataset: Readonly<Record<string, string | undefined>>
  readonly style: { readonly display: string }
  readonly textContent: string | null
}

interface ProbeEditor {
  getCurrentPageShapes(): readonly { readonly id: string; readonly type: string }[]
  getCulledShapes(): ReadonlySet<string>
  getCamera(): Camera
  zoomToFit(): unknown
}

interface ProbeWindow {
  requestAnimationFrame(callback: (time: number) => void): number
  readonly document: { querySelectorAll(selector: string): Iterable<ProbeElement> }
  readonly location: { readonly pathname: string }
  accord?: { readonly editor: ProbeEditor }
  accordBench?: Probe
}

export interface Camera {
  readonly x: number
  readonly y: number
  readonly z: number
}

export interface ProbeReadings {
  editorMs: number | null
  storeCompleteMs: number | null
  firstNoteMs: number | null
  renderedMs: number | null
  /** Notes in the viewport when the board was first painted. */
  notesInView: number | null
}

export interface PaintState {
  /** Notes in the editor's store (current page). */
  readonly notes: number
  /** Of those, not culled: in the viewport. */
  readonly inView: number
  /** Of those in view, shown in the DOM with their text. */
  readonly painted: number
}

interface Recording {
  /** Each frame's rAF timestamp. */
  readonly frames: number[]
  /** The camera's path over the frames, in screen pixels. */
  pathPx: number
  last: Camera | null
}

interface Probe {
  readonly readings: ProbeReadings
  recording: Recording | null
  check(): PaintState | null
}

/** The init script; `expected`: the notes the board holds. */
export function installProbe(expected: number): void {
  const page = globalThis as unknown as ProbeWindow
  if (!page.location.pathname.startsWith('/b/')) return
  const readings: ProbeReadings = {
    editorMs: null,
    storeCompleteMs: null,
    firstNoteMs: null,
    renderedMs: null,
    notesInView: null,
  }
  const check = (): PaintState | null => {
    const editor = page.accord?.editor
    if (!editor) return null
    const culled = editor.getCulledShapes()
    const inView = new Set<string>()
    let notes = 0
    for (const shape of editor.getCurrentPageShapes()) {
      if (shape.type !== 'note') continue
      notes++
      if (!culled.has(shape.id)) inView.add(shape.id)
    }
    // Runs at every frame while loading: read text only where it matters, never force a layout.
    const painted = new Set<string>()
    for (const element of page.document.querySelectorAll('.tl-shape[data-shape-type="note"]')) {
      const id = element.dataset.shapeId
      if (id === undefined || !inView.has(id) || element.style.display === 'none') continue
      if ((element.textContent ?? '').trim() !== '') painted.add(id)
    }
    return { notes, inView: inView.size, painted: painted.size }
  }
  const probe: Probe = { readings, recording: null, check }
  page.accordBench = probe

  let firstNoteSeen = false
  let renderedSeen: PaintState | null = null
  const tick = (time: number) => {
    const now = performance.now()
    const recording = probe.recording
    if (recording) {
      recording.frames.push(time)
      const camera = page.accord?.editor.getCamera()
      if (camera && recording.last) {
        const { x, y } = recording.last
        recording.pathPx += Math.hypot(camera.x - x, camera.y - y) * camera.z
      }
      recording.last = camera ? { x: camera.x, y: camera.y, z: camera.z } : null
    }
    if (firstNoteSeen && readings.firstNoteMs === null) readings.firstNoteMs = now
    if (renderedSeen && readings.renderedMs === null) {
      readings.renderedMs = now
      readings.notesInView = renderedSeen.inView
    }
    if (!renderedSeen) {
      const state = check()
      if (state) {
        readings.editorMs ??= now
        if (state.notes === expected) readings.storeCompleteMs ??= now
        if (state.painted > 0) firstNoteSeen = true
        if (state.notes === expected && state.painted === state.inView) renderedSeen = state
      }
    }
    page.requestAnimationFrame(tick)
  }
  page.requestAnimationFrame(tick)
}

export function readReadings(): ProbeReadings | null {
  return (globalThis as unknown as ProbeWindow).accordBench?.readings ?? null
}

export function readPaintState(): PaintState | null {
  return (globalThis as unknown as ProbeWindow).accordBench?.check() ?? null
}

export function startRecording(): void {
  const probe = (globalThis as unknown as ProbeWindow).accordBench
  if (probe) probe.recording = { frames: [], pathPx: 0, last: null }
}

/** What was recorded since `startRecording`, which stops. */
export function stopRecording(): { frames: number[]; pathPx: number } {
  const probe = (globalThis as unknown as ProbeWindow).accordBench
  const recording = probe?.recording
  if (probe) probe.recording = null
  return { frames: recording?.frames ?? [], pathPx: recording?.pathPx ?? 0 }
}

export function readCamera(): Camera | null {
  const camera = (globalThis as unknown as ProbeWindow).accord?.editor.getCamera()
  return camera ? { x: camera.x, y: camera.y, z: camera.z } : null
}

/** The editor's "zoom to fit": every shape on the page in view. */
export function zoomToFit(): void {
  ;(globalThis as unknown as ProbeWindow).accord?.editor.zoomToFit()
}

/** Whether every note in the viewport is shown with its text (after a camera change). */
export function isViewPainted(): boolean {
  const state = (globalThis as unknown as ProbeWindow).accordBench?.check()
  return state !== null && state !== undefined && state.painted === state.inView
}

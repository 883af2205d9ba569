import type { Summon } from '@accord/facilitation'
import { useEffect, useRef } from 'react'
import { Box, type Editor } from 'tldraw'

/**
 * Answers "bring everyone to me": moves this person's view to the summoner's viewport — the one
 * sent with the summon, or else the one worked out from the camera and screen size in their
 * presence. Summons older than this page are ignored.
 */
export function useSummon(editor: Editor | null, summon: Summon | null, selfUserId: string): void {
  const since = useRef<number | null>(null)
  useEffect(() => {
    if (!editor) return
    // Whatever summon exists when the board opens is from before: note its time, do not move.
    if (since.current === null) {
      since.current = summon?.at ?? 0
      return
    }
    if (!summon || summon.at <= since.current) return
    since.current = summon.at
    if (summon.userId === selfUserId) return
    const animation = { animation: { duration: 400 } }
    if (summon.viewport) {
      const { x, y, w, h } = summon.viewport
      editor.zoomToBounds(new Box(x, y, w, h), animation)
      return
    }
    const presence = editor.getCollaborators().find((person) => person.userId === summon.userId)
    const { camera, screenBounds } = presence ?? {}
    if (camera && screenBounds) {
      const viewport = new Box(
        -camera.x,
        -camera.y,
        screenBounds.w / camera.z,
        screenBounds.h / camera.z,
      )
      editor.zoomToBounds(viewport, animation)
    } else {
      editor.zoomToUser(summon.userId, animation)
    }
  }, [editor, summon, selfUserId])
}

import { LockedFrameBadges } from './LockedFrameBadges'
import { VoteOverlay } from './VoteOverlay'

/** Everything Accord draws in front of tldraw's canvas. */
export function CanvasOverlays() {
  return (
    <>
      <LockedFrameBadges />
      <VoteOverlay />
    </>
  )
}

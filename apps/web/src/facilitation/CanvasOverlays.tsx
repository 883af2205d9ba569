import { ActionBadges } from './ActionBadges'
import { DecisionMarks } from './DecisionMarks'
import { FocusOverlay } from './FocusOverlay'
import { LockedFrameBadges } from './LockedFrameBadges'
import { SelectionActions } from './SelectionActions'
import { VoteOverlay } from './VoteOverlay'

/** Everything Accord draws in front of tldraw's canvas. */
export function CanvasOverlays() {
  return (
    <>
      <FocusOverlay />
      <LockedFrameBadges />
      <DecisionMarks />
      <VoteOverlay />
      <ActionBadges />
      <SelectionActions />
    </>
  )
}

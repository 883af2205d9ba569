import { useContext, useMemo } from 'react'
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { Link } from '../app/Link'
import { marksByShape } from '../records-export/decision-marks'
import { DecisionMarksContext } from './decision-marks-context'

/**
 * "Decided in DR-12" on the board region each decision record came from (e.g. the proposal
 * frame), at its top-right corner, linking to the record in the decision log. Drawn in front of
 * the canvas, following the camera.
 */
export function DecisionMarks() {
  const editor = useEditor()
  const decisions = useContext(DecisionMarksContext)
  const stacks = useMemo(() => marksByShape(decisions), [decisions])
  const placed = useValue(
    'decision marks',
    () =>
      stacks.flatMap((stack) => {
        const bounds = editor.getShapePageBounds(stack.shapeId as TLShapeId)
        if (!bounds) return []
        const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
        return [{ ...stack, x: corner.x, y: corner.y }]
      }),
    [editor, stacks],
  )
  return (
    <>
      {placed.map((stack) => (
        <div
          key={stack.shapeId}
          className="dr-mark-stack"
          data-shape={stack.shapeId}
          style={{
            transform: `translate(${stack.x}px, ${stack.y}px) translate(-100%, calc(-100% - 6px))`,
          }}
        >
          {stack.marks.map((mark) => (
            <Link
              key={mark.id}
              className={`dr-mark dr-mark--${mark.status}`}
              href={mark.href}
              data-testid="decision-mark"
              data-status={mark.status}
              title={`Open ${mark.id} in the decision log`}
              onPointerDown={(event) => event.stopPropagation()}
            >
              {mark.text}
            </Link>
          ))}
        </div>
      ))}
    </>
  )
}

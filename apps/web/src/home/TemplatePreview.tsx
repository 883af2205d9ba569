import { useId } from 'react'
import { layoutPreview, type PreviewBox, type PreviewRegion } from './preview-geometry'

const boxes = {
  card: { width: 320, height: 150, padding: 12 },
  large: { width: 560, height: 250, padding: 16 },
} satisfies Record<string, PreviewBox>

/**
 * A template's board drawn small: each region a tinted frame with its title, a few notes in it;
 * a blank board as an empty dotted canvas. Screen readers hear the region titles instead.
 */
export function TemplatePreview({
  regions,
  size,
}: {
  regions: readonly PreviewRegion[]
  size: keyof typeof boxes
}) {
  const box = boxes[size]
  const rects = layoutPreview(regions, box)
  const dots = useId()
  const label =
    rects.length === 0
      ? 'Board layout: an empty canvas'
      : `Board layout: ${rects.map((rect) => rect.title).join(', ')}`
  return (
    <svg
      className={`gallery-preview gallery-preview--${size}`}
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={label}
      data-testid="template-preview"
      data-regions={rects.map((rect) => rect.title).join('|')}
    >
      <defs>
        <pattern id={dots} width="12" height="12" patternUnits="userSpaceOnUse">
          <circle cx="2" cy="2" r="0.9" fill="#d5d9e2" />
        </pattern>
      </defs>
      <rect width={box.width} height={box.height} fill="#fbfbfd" />
      <rect width={box.width} height={box.height} fill={`url(#${dots})`} />
      {rects.length === 0 ? <EmptyCanvas box={box} /> : null}
      {rects.map((rect) => {
        const pad = Math.max(rect.fontSize * 0.6, 3)
        const note = Math.min(rect.w, rect.h) * 0.2
        const notesTop = rect.y + pad * 2 + rect.fontSize
        const showNotes = note >= 5 && notesTop + note < rect.y + rect.h - pad
        return (
          <g key={rect.key}>
            <rect
              x={rect.x}
              y={rect.y}
              width={rect.w}
              height={rect.h}
              rx={Math.min(6, rect.w / 10)}
              fill={rect.fill}
              stroke={rect.stroke}
              strokeWidth={1}
            />
            {rect.label && (
              <text
                x={rect.x + pad}
                y={rect.y + pad + rect.fontSize * 0.85}
                fontSize={rect.fontSize}
                fontWeight={700}
                fill={rect.ink}
              >
                {rect.label}
              </text>
            )}
            {showNotes &&
              [0, 1].map((i) => (
                <rect
                  key={i}
                  x={rect.x + pad + i * (note + pad / 1.5)}
                  y={notesTop + (i % 2) * (note * 0.35)}
                  width={note}
                  height={note}
                  rx={1}
                  fill={rect.ink}
                  opacity={0.22}
                />
              ))}
          </g>
        )
      })}
    </svg>
  )
}

/** A few loose notes in the middle of an otherwise empty canvas. */
function EmptyCanvas({ box }: { box: PreviewBox }) {
  const size = box.height * 0.2
  const cx = box.width / 2
  const cy = box.height / 2
  const notes = [
    { dx: -1.5, dy: -0.4, fill: '#fddc7a', turn: -5 },
    { dx: -0.3, dy: -0.6, fill: '#b5d3ff', turn: 3 },
    { dx: 0.7, dy: -0.2, fill: '#b9ebcf', turn: -2 },
  ]
  return (
    <g>
      {notes.map((note, i) => {
        const x = cx + note.dx * size
        const y = cy + note.dy * size
        return (
          <rect
            key={i}
            x={x}
            y={y}
            width={size}
            height={size}
            rx={2}
            fill={note.fill}
            transform={`rotate(${note.turn} ${x + size / 2} ${y + size / 2})`}
          />
        )
      })}
    </g>
  )
}

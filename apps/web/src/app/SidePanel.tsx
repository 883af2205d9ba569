import type { ReactNode } from 'react'

/**
 * A panel beside the board (action items, vote results, the workshop): a titled aside with a
 * close button, marked as lying over the canvas so that "show on the board" centres beside it.
 */
export function SidePanel(props: {
  title: string
  /** The panel's accessible name (defaults to its title). */
  label?: string
  closeLabel: string
  onClose: () => void
  className?: string
  testId: string
  children: ReactNode
}) {
  return (
    <aside
      className={`side-panel ${props.className ?? ''}`.trim()}
      aria-label={props.label ?? props.title}
      data-testid={props.testId}
      data-over-canvas="right"
    >
      <header className="side-panel__header">
        <h2>{props.title}</h2>
        <button
          type="button"
          className="button button--quiet"
          aria-label={props.closeLabel}
          onClick={props.onClose}
        >
          ✕
        </button>
      </header>
      {props.children}
    </aside>
  )
}
